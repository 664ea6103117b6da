# frozen_string_literal: true

class GuardedByGitlabComDeletes < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!

  def up
    return unless Gitlab.com?

    execute "DELETE FROM ci_runner_machines WHERE contacted_at < now() - interval '7 days'"
  end

  def down
  end
end
