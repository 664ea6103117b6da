# frozen_string_literal: true

class UpdateColumnInBatchesForProjects < Gitlab::Database::Migration[1.0]
  disable_ddl_transaction!

  def up
    update_column_in_batches(:projects, :has_external_wiki, nil) do |table, query|
      query.where(table[:has_external_wiki].eq(true))
    end
  end

  def down
  end
end
