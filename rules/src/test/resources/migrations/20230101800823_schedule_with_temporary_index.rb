# frozen_string_literal: true

class ScheduleWithTemporaryIndex < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!
  restrict_gitlab_migration gitlab_schema: :gitlab_main

  MIGRATION = 'BackfillProjectSettingsPagesDeployment'
  INDEX_NAME = 'tmp_index_project_settings_on_id_where_pages_null'

  def up
    add_concurrent_index :project_settings, :project_id, where: 'pages_unique_domain_enabled IS NULL', name: INDEX_NAME

    queue_batched_background_migration(MIGRATION, :project_settings, :project_id, job_interval: 2.minutes)
  end

  def down
    delete_batched_background_migration(MIGRATION, :project_settings, :project_id, [])
    remove_concurrent_index_by_name :project_settings, INDEX_NAME
  end
end
