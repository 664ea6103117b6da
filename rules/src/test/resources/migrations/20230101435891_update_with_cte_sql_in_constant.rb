# frozen_string_literal: true

class UpdateWithCteSqlInConstant < Gitlab::Database::Migration[2.2]
  UPDATE_SQL = <<~SQL.squish
    WITH stale AS (SELECT id FROM ci_runners WHERE contacted_at < NOW() - INTERVAL '3 months')
    UPDATE ci_runners SET active = false FROM stale WHERE ci_runners.id = stale.id
  SQL

  restrict_gitlab_migration gitlab_schema: :gitlab_ci

  def up
    execute(UPDATE_SQL)
  end

  def down
  end
end
