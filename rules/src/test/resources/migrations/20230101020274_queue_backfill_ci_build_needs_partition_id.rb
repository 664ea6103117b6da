# frozen_string_literal: true

class QueueBackfillCiBuildNeedsPartitionId < Gitlab::Database::Migration[2.2]
  milestone '16.8'
  restrict_gitlab_migration gitlab_schema: :gitlab_ci

  MIGRATION = "BackfillCiBuildNeedsPartitionId"
  TABLE = :ci_build_needs

  def up
    queue_batched_background_migration(MIGRATION, TABLE, :id, job_interval: 2.minutes, batch_size: 5_000, sub_batch_size: 250)
  end

  def down
    delete_batched_background_migration(MIGRATION, TABLE, :id, [])
  end
end
