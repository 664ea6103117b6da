# frozen_string_literal: true

class AddFkNotValidThenPrepareValidation < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!
  restrict_gitlab_migration gitlab_schema: :gitlab_ci

  def up
    add_concurrent_foreign_key :ci_job_artifacts, :ci_builds, column: :job_id, on_delete: :cascade, validate: false, name: 'fk_rails_c5137cb2c1'
    prepare_async_foreign_key_validation :ci_job_artifacts, :job_id, name: 'fk_rails_c5137cb2c1'
  end

  def down
    unprepare_async_foreign_key_validation :ci_job_artifacts, :job_id, name: 'fk_rails_c5137cb2c1'
    remove_foreign_key_if_exists :ci_job_artifacts, column: :job_id, name: 'fk_rails_c5137cb2c1'
  end
end
