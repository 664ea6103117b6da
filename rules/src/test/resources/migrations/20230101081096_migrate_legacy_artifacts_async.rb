# frozen_string_literal: true

class MigrateLegacyArtifactsAsync < Gitlab::Database::Migration[1.0]
  disable_ddl_transaction!

  class Build < MigrationRecord
    include ::EachBatch
    self.table_name = 'ci_builds'
  end

  def up
    Build.where('artifacts_file <> ?', '').each_batch(of: 500) do |batch, index|
      range = batch.pluck('MIN(id)', 'MAX(id)').first
      migrate_in(index * 2.minutes, 'MigrateLegacyArtifacts', range)
    end
  end

  def down
  end
end
