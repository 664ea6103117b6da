# frozen_string_literal: true

class FinalizeAndAddIndex < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!
  restrict_gitlab_migration gitlab_schema: :gitlab_main_cell
  INDEX_NAME = 'index_issues_on_namespace_id_and_id'

  def up
    ensure_batched_background_migration_is_finished(job_class_name: 'BackfillIssuesNamespaceId', table_name: :issues, column_name: :id, job_arguments: [], finalize: true)
    add_concurrent_index :issues, [:namespace_id, :id], name: INDEX_NAME
  end

  def down
    remove_concurrent_index_by_name :issues, INDEX_NAME
  end
end
