# frozen_string_literal: true

class PercentLiteralsAndSymbols < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!

  COLUMNS = %i[project_id created_at]
  NAMES = %w[index_audit_events_on_project_id_created_at other]

  def up
    add_concurrent_index :audit_events, COLUMNS, name: NAMES.first
  end

  def down
    remove_concurrent_index :audit_events, COLUMNS, name: NAMES.first
  end
end
