# frozen_string_literal: true

class SecSchemaValidateFk < Gitlab::Database::Migration[2.2]
  restrict_gitlab_migration gitlab_schema: :gitlab_sec

  def up
    validate_foreign_key :vulnerability_occurrences, :scanner_id
  end

  def down
  end
end
