# frozen_string_literal: true

class NoopCommentOnlyAfterRevert < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!

  def up
    # no-op: this migration was reverted in 16.4 because it timed out on GitLab.com.
    # add_concurrent_index :ci_builds, :stage_id, name: 'index_ci_builds_on_stage_id'
  end

  def down
    # no-op
  end
end
