# frozen_string_literal: true

class CreateIndexConcurrentlyWithHeredoc < Gitlab::Database::Migration[2.0]
  disable_ddl_transaction!

  def up
    execute <<~SQL
      CREATE INDEX CONCURRENTLY IF NOT EXISTS index_todos_on_user_id_and_state
      ON todos (user_id, state) WHERE state = 'pending';
    SQL
  end

  def down
    execute <<~SQL
      DROP INDEX CONCURRENTLY IF EXISTS index_todos_on_user_id_and_state;
    SQL
  end
end
