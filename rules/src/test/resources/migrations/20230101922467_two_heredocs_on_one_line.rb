# frozen_string_literal: true

class TwoHeredocsOnOneLine < Gitlab::Database::Migration[2.2]
  def up
    connection.execute(<<~SQL_ONE + <<~SQL_TWO)
      UPDATE issues SET health_status = NULL WHERE health_status = 0;
    SQL_ONE
      DROP INDEX IF EXISTS index_issues_on_health_status_legacy;
    SQL_TWO
  end

  def down
  end
end
