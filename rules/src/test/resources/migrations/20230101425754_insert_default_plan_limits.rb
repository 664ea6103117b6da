# frozen_string_literal: true

class InsertDefaultPlanLimits < Gitlab::Database::Migration[2.2]
  def up
    execute <<-SQL
      INSERT INTO plan_limits (plan_id, ci_pipeline_size)
      SELECT id, 0 FROM plans WHERE name = 'default'
      ON CONFLICT (plan_id) DO NOTHING;
    SQL
  end

  def down
    execute "DELETE FROM plan_limits WHERE ci_pipeline_size = 0"
  end
end
