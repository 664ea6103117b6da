# frozen_string_literal: true

class DeleteAllOnModelWhere < Gitlab::Database::Migration[2.2]
  class ProjectSetting < MigrationRecord
    self.table_name = 'project_settings'
  end

  def up
    ProjectSetting.where(legacy_open_source_license_available: nil).delete_all
  end

  def down
  end
end
