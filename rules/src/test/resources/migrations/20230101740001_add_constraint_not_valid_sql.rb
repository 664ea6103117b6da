# frozen_string_literal: true

class AddConstraintNotValidSql < Gitlab::Database::Migration[2.2]
  def up
    execute <<~SQL
      ALTER TABLE merge_request_metrics
      ADD CONSTRAINT check_e03d0900bf CHECK (target_project_id IS NOT NULL) NOT VALID;
    SQL
  end

  def down
    execute 'ALTER TABLE merge_request_metrics DROP CONSTRAINT IF EXISTS check_e03d0900bf'
  end
end
