# frozen_string_literal: true

class TruncateCiFinishedBuildTables < Gitlab::Database::Migration[2.2]
  restrict_gitlab_migration gitlab_schema: :gitlab_ci

  def up
    truncate_tables!('ci_finished_builds_ch_sync_events')
  end

  def down
    # no-op
  end
end
