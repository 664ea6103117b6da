# frozen_string_literal: true

class FinalizeCiBuildPartitionBackfill < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!
  restrict_gitlab_migration gitlab_schema: :gitlab_ci

  def up
    finalize_batched_background_migration(job_class_name: 'BackfillPartitionIdCiBuild', table_name: :ci_builds, column_name: :id, job_arguments: [])
  end

  def down; end
end
