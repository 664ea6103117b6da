# frozen_string_literal: true

class StealRemainingJobsForUserHighestRole < Gitlab::Database::Migration[1.0]
  def up
    Gitlab::BackgroundMigration.steal('PopulateUserHighestRolesTable')
  end

  def down
    # no-op
  end
end
