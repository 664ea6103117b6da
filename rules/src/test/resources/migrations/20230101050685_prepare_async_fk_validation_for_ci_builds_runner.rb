# frozen_string_literal: true

class PrepareAsyncFkValidationForCiBuildsRunner < Gitlab::Database::Migration[2.2]
  TABLE_NAME = :p_ci_builds
  FK_NAME = :fk_a2141b1522_p

  restrict_gitlab_migration gitlab_schema: :gitlab_ci

  def up
    prepare_async_foreign_key_validation TABLE_NAME, name: FK_NAME
  end

  def down
    unprepare_async_foreign_key_validation TABLE_NAME, name: FK_NAME
  end
end
