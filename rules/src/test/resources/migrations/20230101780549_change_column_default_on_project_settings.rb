# frozen_string_literal: true

class ChangeColumnDefaultOnProjectSettings < Gitlab::Database::Migration[2.2]
  enable_lock_retries!

  def change
    change_column_default :project_settings, :show_diff_preview_in_email, from: false, to: true
  end
end
