# frozen_string_literal: true

class GuardedByEeSchedules < Gitlab::Database::Migration[2.2]
  restrict_gitlab_migration gitlab_schema: :gitlab_main

  def up
    if Gitlab.ee?
      queue_batched_background_migration('BackfillEpicBasicFields', :epics, :id, job_interval: 2.minutes)
    end
  end

  def down
    delete_batched_background_migration('BackfillEpicBasicFields', :epics, :id, []) if Gitlab.ee?
  end
end
