# frozen_string_literal: true

class DefineBatchableModelEachBatchDelete < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!
  restrict_gitlab_migration gitlab_schema: :gitlab_ci

  def up
    define_batchable_model('ci_pipeline_variables').each_batch(of: 500) do |batch|
      batch.where(key: '').delete_all
    end
  end

  def down
  end
end
