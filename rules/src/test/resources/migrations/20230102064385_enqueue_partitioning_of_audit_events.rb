# frozen_string_literal: true

class EnqueuePartitioningOfAuditEvents < Gitlab::Database::Migration[2.2]
  def up
    enqueue_partitioning_data_migration :audit_events
  end

  def down
    cleanup_partitioning_data_migration :audit_events
  end
end
