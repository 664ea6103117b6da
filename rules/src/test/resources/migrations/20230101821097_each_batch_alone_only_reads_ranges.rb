# frozen_string_literal: true

class EachBatchAloneOnlyReadsRanges < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!

  class Deployment < MigrationRecord
    include EachBatch
    self.table_name = 'deployments'
  end

  def up
    Deployment.each_batch(of: 10_000) do |batch, index|
      min, max = batch.pluck(Arel.sql('MIN(id), MAX(id)')).first
      say "batch #{index}: #{min}..#{max}"
    end
  end

  def down
  end
end
