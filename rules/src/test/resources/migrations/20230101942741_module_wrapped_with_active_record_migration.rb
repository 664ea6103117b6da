# frozen_string_literal: true

class FixMergeRequestDiffsState < ActiveRecord::Migration[6.0]
  include Gitlab::Database::MigrationHelpers

  DOWNTIME = false

  disable_ddl_transaction!

  class MergeRequestDiff < ActiveRecord::Base
    include ::EachBatch
    self.table_name = 'merge_request_diffs'
  end

  def up
    MergeRequestDiff.where(state: nil).each_batch do |batch|
      batch.update_all(state: 'collected')
    end
  end

  def down
    # noop
  end
end
