# frozen_string_literal: true

class AddIndexOnCiBuilds < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!

  INDEX_NAME = :index_ci_builds_on_token

  def up
    add_concurrent_index :ci_builds, :token, name: INDEX_NAME
  end

  def down
    remove_concurrent_index_by_name :ci_builds, INDEX_NAME
  end
end
