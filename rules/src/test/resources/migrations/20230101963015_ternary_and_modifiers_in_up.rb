# frozen_string_literal: true

class TernaryAndModifiersInUp < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!
  TABLE = Gitlab.ee? ? :epics : :issues

  def up
    unless index_exists_by_name?(TABLE, 'idx_tmp')
      add_concurrent_index TABLE, :id, name: 'idx_tmp'
    end
    begin
      remove_concurrent_index_by_name(TABLE, 'idx_old')
    rescue ActiveRecord::StatementInvalid => e
      say e.message
    ensure
      say 'done'
    end
  end

  def down
  end
end
