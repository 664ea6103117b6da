# frozen_string_literal: true

class InstallTriggerFunctionViaSql < Gitlab::Database::Migration[2.2]
  FUNCTION_NAME = 'sync_issues_project_namespace'

  def up
    execute(<<~SQL)
      CREATE OR REPLACE FUNCTION #{FUNCTION_NAME}() RETURNS TRIGGER LANGUAGE PLPGSQL AS $$
      BEGIN
        NEW.namespace_id := (SELECT project_namespace_id FROM projects WHERE id = NEW.project_id);
        RETURN NEW;
      END
      $$;
    SQL

    execute(<<~SQL)
      CREATE TRIGGER trigger_sync_issues_namespace BEFORE INSERT ON issues
      FOR EACH ROW EXECUTE FUNCTION #{FUNCTION_NAME}();
    SQL
  end

  def down
    execute("DROP TRIGGER IF EXISTS trigger_sync_issues_namespace ON issues")
    execute("DROP FUNCTION IF EXISTS #{FUNCTION_NAME}()")
  end
end
