# frozen_string_literal: true

class DropTableWithExecuteDrop < Gitlab::Database::Migration[2.2]
  def up
    execute 'DROP TABLE IF EXISTS ci_build_trace_section_names'
  end

  def down
    # no-op: the table was unused
  end
end
