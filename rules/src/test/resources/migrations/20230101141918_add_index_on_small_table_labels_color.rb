# frozen_string_literal: true

class AddIndexOnSmallTableLabelsColor < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!

  INDEX_NAME = 'index_label_priorities_on_priority'

  def up
    add_concurrent_index :label_priorities, :priority, name: INDEX_NAME
  end

  def down
    remove_concurrent_index_by_name :label_priorities, INDEX_NAME
  end
end
