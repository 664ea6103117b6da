# frozen_string_literal: true

class MoveSidekiqQueueForRenamedWorker < Gitlab::Database::Migration[2.2]
  def up
    sidekiq_queue_migrate 'cronjob:stuck_ci_jobs', to: 'cronjob:ci_stuck_builds_drop_running'
  end

  def down
    sidekiq_queue_migrate 'cronjob:ci_stuck_builds_drop_running', to: 'cronjob:stuck_ci_jobs'
  end
end
