# frozen_string_literal: true

class RemoveIndexInDownAddInUpInverted < Gitlab::Database::Migration[2.2]
  # The helper remove_concurrent_index appears in down only; up drops nothing.
  disable_ddl_transaction!
  INDEX = 'index_deployments_on_archived_project_id_iid'

  def up
    add_concurrent_index :deployments, [:archived, :project_id, :iid], name: INDEX
  end

  def down
    remove_concurrent_index_by_name :deployments, INDEX
  end
end
