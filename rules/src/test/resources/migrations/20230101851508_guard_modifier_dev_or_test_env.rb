# frozen_string_literal: true

class GuardModifierDevOrTestEnv < Gitlab::Database::Migration[2.2]
  def up
    return if Gitlab.dev_or_test_env? || Gitlab.com?

    finalize_batched_background_migration(job_class_name: 'BackfillUserPreferences', table_name: :users, column_name: :id, job_arguments: [])
  end

  def down
  end
end
