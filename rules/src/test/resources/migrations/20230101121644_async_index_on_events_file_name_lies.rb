# frozen_string_literal: true

class AsyncIndexOnEventsFileNameLies < Gitlab::Database::Migration[2.2]
  # Named "async" but builds the index synchronously.
  INDEX = 'index_events_on_author_id_and_created_at'

  disable_ddl_transaction!

  def up
    add_concurrent_index :events, [:author_id, :created_at], name: INDEX
  end

  def down
    remove_concurrent_index_by_name :events, INDEX
  end
end
