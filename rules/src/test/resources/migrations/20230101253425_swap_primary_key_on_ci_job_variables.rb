# frozen_string_literal: true

class SwapPrimaryKeyOnCiJobVariables < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!
  restrict_gitlab_migration gitlab_schema: :gitlab_ci

  TABLE_NAME = :ci_job_variables
  PRIMARY_KEY = :ci_job_variables_pkey
  NEW_INDEX_NAME = :index_ci_job_variables_on_id_convert_to_bigint
  OLD_INDEX_NAME = :index_ci_job_variables_on_id

  def up
    swap
  end

  def down
    swap
    add_concurrent_index TABLE_NAME, :id_convert_to_bigint, unique: true, name: NEW_INDEX_NAME
  end

  private

  def swap
    with_lock_retries(raise_on_exhaustion: true) do
      execute "LOCK TABLE #{TABLE_NAME} IN ACCESS EXCLUSIVE MODE"
      swap_primary_key(TABLE_NAME, PRIMARY_KEY, NEW_INDEX_NAME)
      rename_index TABLE_NAME, NEW_INDEX_NAME, OLD_INDEX_NAME
    end
  end
end
