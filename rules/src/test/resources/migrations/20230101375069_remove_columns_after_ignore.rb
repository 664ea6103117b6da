# frozen_string_literal: true

class RemoveColumnsAfterIgnore < Gitlab::Database::Migration[2.0]
  enable_lock_retries!

  def up
    remove_columns :merge_requests, :merge_jid, :rebase_jid
  end

  def down
    add_column :merge_requests, :merge_jid, :string
    add_column :merge_requests, :rebase_jid, :string
  end
end
