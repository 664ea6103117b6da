# frozen_string_literal: true

class EachBatchUpdateAllOnInlineModel < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!

  class Namespace < MigrationRecord
    include EachBatch
    self.table_name = 'namespaces'
  end

  def up
    Namespace.where(type: nil).each_batch(of: 1_000) do |relation|
      relation.update_all(type: 'User')
    end
  end

  def down
    # no-op
  end
end
