# frozen_string_literal: true

class ValidateCheckConstraintOnLargeBuilds < Gitlab::Database::Migration[2.2]
  restrict_gitlab_migration gitlab_schema: :gitlab_ci
  CONSTRAINT = 'check_ci_builds_partition_id'

  def up
    validate_check_constraint :ci_builds, CONSTRAINT
  end

  def down
  end
end
