# frozen_string_literal: true

class AddPartitionedIndexOnCiBuildsMetadata < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!
  restrict_gitlab_migration gitlab_schema: :gitlab_ci

  INDEX_NAME = :index_p_ci_builds_metadata_on_project_id
  TABLE_NAME = :p_ci_builds_metadata

  def up
    add_concurrent_partitioned_index(TABLE_NAME, :project_id, name: INDEX_NAME)
  end

  def down
    remove_concurrent_partitioned_index_by_name(TABLE_NAME, INDEX_NAME)
  end
end
