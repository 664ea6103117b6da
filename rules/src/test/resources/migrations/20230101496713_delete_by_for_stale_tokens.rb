# frozen_string_literal: true

class DeleteByForStaleTokens < Gitlab::Database::Migration[2.2]
  class PersonalAccessToken < MigrationRecord
    self.table_name = 'personal_access_tokens'
  end

  def up
    PersonalAccessToken.delete_by(revoked: true, last_used_at: nil)
  end

  def down
  end
end
