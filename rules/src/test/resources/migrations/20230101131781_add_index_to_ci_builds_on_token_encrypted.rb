# frozen_string_literal: true

class AddIndexToCiBuildsOnTokenEncrypted < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!
  restrict_gitlab_migration gitlab_schema: :gitlab_ci

  TABLE_NAME = :ci_builds
  INDEX_NAME = 'index_ci_builds_on_token_encrypted_partial'

  def up
    add_concurrent_index TABLE_NAME, :token_encrypted, name: INDEX_NAME, where: 'token_encrypted IS NOT NULL', unique: true
  end

  def down
    remove_concurrent_index_by_name TABLE_NAME, INDEX_NAME
  end
end
