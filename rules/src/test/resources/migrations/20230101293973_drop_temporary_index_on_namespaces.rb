# frozen_string_literal: true

class DropTemporaryIndexOnNamespaces < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!
  INDEX_NAME = 'tmp_index_namespaces_empty_traversal_ids_with_child_namespaces'

  def up
    remove_concurrent_index_by_name :namespaces, INDEX_NAME
  end

  def down
    add_concurrent_index :namespaces, :id, where: "array_length(traversal_ids, 1) IS NULL", name: INDEX_NAME
  end
end
