# frozen_string_literal: true

class ReplaceWebHookLogsWithPartitionedTable < Gitlab::Database::Migration[2.2]
  def up
    replace_with_partitioned_table :web_hook_logs
  end

  def down
    rollback_replace_with_partitioned_table :web_hook_logs
  end
end
