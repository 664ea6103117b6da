# frozen_string_literal: true

class CleanupRenameOfApprovalRulesColumn < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!

  def up
    cleanup_concurrent_column_rename :approval_project_rules, :vulnerabilities_allowed, :vulnerabilities_allowed_count
  end

  def down
    undo_cleanup_concurrent_column_rename :approval_project_rules, :vulnerabilities_allowed, :vulnerabilities_allowed_count
  end
end
