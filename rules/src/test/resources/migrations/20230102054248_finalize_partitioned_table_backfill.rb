# frozen_string_literal: true

class FinalizePartitionedTableBackfill < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!
  restrict_gitlab_migration gitlab_schema: :gitlab_main

  def up
    finalize_backfilling_partitioned_table :web_hook_logs
  end

  def down
    # no op
  end
end
