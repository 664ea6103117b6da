# frozen_string_literal: true

class CleanupNamedFileThatFinalizes < Gitlab::Database::Migration[1.0]
  # "cleanup" in the name, but it only finalizes.
  def up
    finalize_background_migration('CleanupOrphanedLfsObjectsProjects')
  end

  def down
  end
end
