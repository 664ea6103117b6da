# frozen_string_literal: true

class RemoveCiBuildsLegacyColumns < Gitlab::Database::Migration[2.2]
  enable_lock_retries!
  restrict_gitlab_migration gitlab_schema: :gitlab_ci

  def up
    remove_column :ci_builds, :stage, if_exists: true
    remove_column :ci_builds, :coverage_regex
  end

  def down
    add_column :ci_builds, :stage, :string
    add_column :ci_builds, :coverage_regex, :string
  end
end
