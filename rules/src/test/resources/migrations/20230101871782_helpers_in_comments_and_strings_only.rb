# frozen_string_literal: true

# This migration used to call:
#   add_concurrent_index :ci_builds, :commit_id
#   update_column_in_batches(:ci_builds, :retried, false)
class HelpersInCommentsAndStringsOnly < Gitlab::Database::Migration[2.2]
=begin
  remove_column :ci_builds, :trace
=end

  def up
    message = 'update_all and delete_all appear here but are only words'
    Gitlab::AppLogger.info(message: message) # drop_table :ci_builds
  end

  def down
  end
end
