# frozen_string_literal: true

class DownUndoesUpRemovesIndex < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!

  def up
    remove_concurrent_index :merge_requests, :title, name: 'index_merge_requests_on_title'
  end

  def down
    add_concurrent_index :merge_requests, :title, name: 'index_merge_requests_on_title'
    add_concurrent_foreign_key :merge_requests, :projects, column: :target_project_id
  end
end
