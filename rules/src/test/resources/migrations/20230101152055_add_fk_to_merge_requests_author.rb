# frozen_string_literal: true

class AddFkToMergeRequestsAuthor < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!
  milestone '16.7'

  def up
    add_concurrent_foreign_key :merge_requests, :users, column: :author_id, on_delete: :nullify
  end

  def down
    with_lock_retries do
      remove_foreign_key_if_exists :merge_requests, column: :author_id
    end
  end
end
