# frozen_string_literal: true

class ExecuteWithFormatAndConstantSql < Gitlab::Database::Migration[2.2]
  SQL = 'UPDATE %{table} SET archived = false WHERE archived IS NULL'

  def up
    execute(format(SQL, table: 'projects'))
  end

  def down
  end
end
