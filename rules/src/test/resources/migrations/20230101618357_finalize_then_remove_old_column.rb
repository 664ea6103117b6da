# frozen_string_literal: true

class FinalizeThenRemoveOldColumn < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!
  MIGRATION = 'BackfillMergeRequestDiffsProjectId'

  def up
    ensure_batched_background_migration_is_finished(job_class_name: MIGRATION, table_name: :merge_request_diffs, column_name: :id, job_arguments: [])

    cleanup_concurrent_column_type_change :merge_request_diffs, :project_id
  end

  def down
    undo_cleanup_concurrent_column_type_change :merge_request_diffs, :project_id, :integer
  end
end
