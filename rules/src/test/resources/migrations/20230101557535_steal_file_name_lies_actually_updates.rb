# frozen_string_literal: true

class StealFileNameLiesActuallyUpdates < Gitlab::Database::Migration[2.2]
  # File name says "steal" but it updates rows directly.
  class Route < MigrationRecord
    self.table_name = 'routes'
  end

  def up
    Route.where(source_type: 'Namespace').where(namespace_id: nil).update_all('namespace_id = source_id')
  end

  def down
  end
end
