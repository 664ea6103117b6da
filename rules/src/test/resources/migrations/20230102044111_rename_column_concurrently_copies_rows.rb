# frozen_string_literal: true

class RenameColumnConcurrentlyCopiesRows < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!

  def up
    rename_column_concurrently :dependency_proxy_blobs, :file_store, :file_storage
  end

  def down
    undo_rename_column_concurrently :dependency_proxy_blobs, :file_store, :file_storage
  end
end
