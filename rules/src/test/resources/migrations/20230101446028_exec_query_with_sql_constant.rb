# frozen_string_literal: true

class ExecQueryWithSqlConstant < Gitlab::Database::Migration[2.2]
  QUERY = "UPDATE users SET theme_id = 1 WHERE theme_id IS NULL"

  def up
    connection.exec_query(QUERY)
  end

  def down
  end
end
