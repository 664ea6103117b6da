# frozen_string_literal: true

class DropTriggerAndFunctionWithHeredocs < Gitlab::Database::Migration[2.2]
  TRIGGER = 'trigger_namespaces_parent_id_on_update'
  FUNCTION = 'insert_namespaces_sync_event'

  def up
    execute(<<~SQL)
      DROP TRIGGER IF EXISTS #{TRIGGER} ON namespaces;
    SQL
    execute(<<~SQL)
      DROP FUNCTION IF EXISTS #{FUNCTION}();
    SQL
  end

  def down
    execute(<<~SQL)
      CREATE OR REPLACE FUNCTION #{FUNCTION}() RETURNS TRIGGER LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO namespaces_sync_events (namespace_id) VALUES (COALESCE(NEW.id, OLD.id));
        RETURN NULL;
      END
      $$
    SQL
  end
end
