# frozen_string_literal: true

class NoopAddIndexNamedButEmpty < Gitlab::Database::Migration[2.2]
  # Named "add index" but was turned into a no-op.
  disable_ddl_transaction!
  restrict_gitlab_migration gitlab_schema: :gitlab_ci

  INDEX_NAME = 'index_ci_pipelines_on_ci_ref_id_and_id'

  def up
    # no-op: replaced by 20240101000000
  end

  def down
    remove_concurrent_index_by_name :ci_pipelines, INDEX_NAME
  end
end
