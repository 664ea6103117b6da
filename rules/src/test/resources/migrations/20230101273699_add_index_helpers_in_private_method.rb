# frozen_string_literal: true

class AddIndexHelpersInPrivateMethod < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!

  def up
    add_indexes
  end

  def down
    remove_concurrent_index_by_name :issues, 'index_issues_on_work_item_type_id_and_state'
  end

  private

  def add_indexes
    add_concurrent_index :issues, [:work_item_type_id, :state_id], name: 'index_issues_on_work_item_type_id_and_state'
  end
end
