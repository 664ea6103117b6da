# frozen_string_literal: true

class NoopOnlyDownMethod < Gitlab::Database::Migration[2.2]
  def down
    execute 'DELETE FROM ci_variables'
  end
end
