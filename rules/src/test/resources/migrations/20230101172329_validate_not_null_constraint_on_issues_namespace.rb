# frozen_string_literal: true

class ValidateNotNullConstraintOnIssuesNamespace < Gitlab::Database::Migration[2.2]
  def up
    validate_not_null_constraint :issues, :namespace_id, constraint_name: 'check_2addf801cd'
  end

  def down
    # no-op
  end
end
