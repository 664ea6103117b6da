# frozen_string_literal: true

class RemoveSidekiqJobsForDeletedWorker < Gitlab::Database::Migration[2.2]
  DEPRECATED_JOB_CLASSES = %w[
    Geo::RepositoriesCleanUpWorker
    Geo::RepositoryCleanupWorker
  ]

  def up
    sidekiq_remove_jobs(job_klasses: DEPRECATED_JOB_CLASSES)
  end

  def down
    # This migration removes any instances of deprecated workers and cannot be undone.
  end
end
