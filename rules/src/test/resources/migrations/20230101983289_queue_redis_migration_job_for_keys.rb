# frozen_string_literal: true

class QueueRedisMigrationJobForKeys < Gitlab::Database::Migration[2.2]
  def up
    queue_redis_migration_job('BackfillProjectPipelineStatusTtl')
  end

  def down; end
end
