# frozen_string_literal: true

class WithLockRetriesAndStatementTimeout < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!

  def up
    disable_statement_timeout do
      execute('VACUUM ANALYZE ci_pipelines')
    end
  end

  def down
  end
end
