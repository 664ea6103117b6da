# frozen_string_literal: true

class ExecuteSqlBuiltAtRuntime < Gitlab::Database::Migration[2.2]
  def up
    statement = build_statement
    execute(statement)
  end

  def down
  end

  private

  def build_statement
    ids.map { |id| "DELETE FROM chat_names WHERE id = #{id}" }.join(';')
  end

  def ids
    select_values('SELECT id FROM chat_names LIMIT 10')
  end
end
