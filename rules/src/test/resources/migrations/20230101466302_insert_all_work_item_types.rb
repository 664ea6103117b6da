# frozen_string_literal: true

class InsertAllWorkItemTypes < Gitlab::Database::Migration[2.2]
  class WorkItemType < MigrationRecord
    self.table_name = 'work_item_types'
  end

  TYPES = [{ name: 'Objective', icon_name: 'issue-type-objective', base_type: 7 }].freeze

  def up
    WorkItemType.insert_all(TYPES, unique_by: :idx_work_item_types_on_namespace_id_and_name_null_namespace)
  end

  def down
    WorkItemType.where(base_type: 7).delete_all
  end
end
