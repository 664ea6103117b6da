# frozen_string_literal: true

class ValidateFkOnCiPipelinesProjectId < Gitlab::Database::Migration[2.2]
  restrict_gitlab_migration gitlab_schema: :gitlab_ci
  FK_NAME = 'fk_86635dbd80'

  def up
    validate_foreign_key :ci_pipelines, :project_id, name: FK_NAME
  end

  def down
    # Can be safely a no-op if we don't roll back the inconsistent data.
  end
end
