# frozen_string_literal: true

class SharedSchemaDeletesBookkeeping < Gitlab::Database::Migration[2.2]
  restrict_gitlab_migration gitlab_schema: :gitlab_shared

  def up
    Gitlab::Database::BackgroundMigration::BatchedMigration
      .where(job_class_name: 'RemoveOrphanedPartitions')
      .delete_all
  end

  def down
  end
end
