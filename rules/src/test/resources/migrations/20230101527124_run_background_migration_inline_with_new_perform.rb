# frozen_string_literal: true

class RunBackgroundMigrationInlineWithNewPerform < Gitlab::Database::Migration[1.0]
  disable_ddl_transaction!

  def up
    Gitlab::BackgroundMigration::RemoveDuplicateVulnerabilitiesFindings.new.perform(1, 10_000)
  end

  def down
  end
end
