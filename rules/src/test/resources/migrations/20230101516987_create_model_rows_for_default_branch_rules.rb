# frozen_string_literal: true

class CreateModelRowsForDefaultBranchRules < Gitlab::Database::Migration[2.2]
  class ProtectedBranch < MigrationRecord
    self.table_name = 'protected_branches'
  end

  def up
    ProtectedBranch.create!(name: 'main', project_id: 1) if Gitlab.dev_or_test_env?
  end

  def down
  end
end
