# frozen_string_literal: true

class ValidateConstraintWithConnectionExecute < Gitlab::Database::Migration[2.2]
  restrict_gitlab_migration gitlab_schema: :gitlab_ci

  def up
    connection.execute('ALTER TABLE ci_stages VALIDATE CONSTRAINT check_81b431e49b;')
  end

  def down
  end
end
