# frozen_string_literal: true

class PreparePartitionedAsyncIndexForJobArtifacts < Gitlab::Database::Migration[2.2]
  INDEX_NAME = :index_p_ci_job_artifacts_on_expire_at_and_file_type
  restrict_gitlab_migration gitlab_schema: :gitlab_ci

  def up
    prepare_partitioned_async_index :p_ci_job_artifacts, [:expire_at, :file_type], name: INDEX_NAME
  end

  def down
    unprepare_partitioned_async_index :p_ci_job_artifacts, INDEX_NAME
  end
end
