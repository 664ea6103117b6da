# frozen_string_literal: true

class ServiceObjectCalledFromUp < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!

  def up
    return unless Gitlab.com?

    Users::MigrateRecordsToGhostUserInBatchesService.new.execute
  end

  def down
  end
end
