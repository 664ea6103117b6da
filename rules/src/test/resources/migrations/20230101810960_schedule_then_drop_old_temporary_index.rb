# frozen_string_literal: true

class ScheduleThenDropOldTemporaryIndex < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!

  def up
    queue_batched_background_migration('BackfillEpicIssues', :epic_issues, :id, job_interval: 2.minutes)
    remove_concurrent_index_by_name :epic_issues, 'tmp_index_epic_issues_on_id_old'
  end

  def down
    delete_batched_background_migration('BackfillEpicIssues', :epic_issues, :id, [])
  end
end
