# frozen_string_literal: true

class RequeueBackfillWithDeleteInDownOnly < Gitlab::Database::Migration[2.2]
  MIGRATION = 'BackfillIssueSearchData'

  restrict_gitlab_migration gitlab_schema: :gitlab_main

  def up
    delete_batched_background_migration(MIGRATION, :issues, :id, [])

    queue_batched_background_migration(MIGRATION, :issues, :id, job_interval: 2.minutes)
  end

  def down
    delete_batched_background_migration(MIGRATION, :issues, :id, [])
  end
end
