# frozen_string_literal: true

class FinalizeAndUpdateRowsBoth < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!

  def up
    finalize_batched_background_migration(job_class_name: 'BackfillUserDetails', table_name: :users, column_name: :id, job_arguments: [])
    execute("UPDATE user_details SET onboarding_status = '{}' WHERE onboarding_status IS NULL")
  end

  def down
  end
end
