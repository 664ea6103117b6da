# frozen_string_literal: true

class ExecInsertFeatureGates < Gitlab::Database::Migration[2.2]
  def up
    exec_insert("INSERT INTO feature_gates (feature_key, key, value) VALUES ('ci_cd_settings', 'boolean', 'true')", 'SQL')
  end

  def down
  end
end
