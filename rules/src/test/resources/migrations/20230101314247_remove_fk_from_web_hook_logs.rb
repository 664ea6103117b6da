# frozen_string_literal: true

class RemoveFkFromWebHookLogs < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!
  milestone '16.5'

  def up
    with_lock_retries do
      remove_foreign_key_if_exists :web_hook_logs, :web_hooks, name: 'fk_rails_666826e111'
    end
  end

  def down
    add_concurrent_foreign_key :web_hook_logs, :web_hooks, column: :web_hook_id, name: 'fk_rails_666826e111'
  end
end
