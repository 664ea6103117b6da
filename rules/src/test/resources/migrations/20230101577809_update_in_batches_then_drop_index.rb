# frozen_string_literal: true

class UpdateInBatchesThenDropIndex < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!
  INDEX = 'tmp_index_users_on_id_where_notified_of_own_activity_null'

  class User < MigrationRecord
    include EachBatch
    self.table_name = 'users'
  end

  def up
    User.where(notified_of_own_activity: nil).each_batch(of: 1000) do |users|
      users.update_all(notified_of_own_activity: false)
    end

    remove_concurrent_index_by_name :users, INDEX
  end

  def down
    add_concurrent_index :users, :id, where: 'notified_of_own_activity IS NULL', name: INDEX
  end
end
