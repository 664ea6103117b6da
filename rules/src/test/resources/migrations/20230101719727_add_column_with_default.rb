# frozen_string_literal: true

class AddColumnWithDefault < Gitlab::Database::Migration[2.2]
  def up
    add_column :namespace_settings, :allow_runner_registration_token, :boolean, default: true, null: false
  end

  def down
    remove_column :namespace_settings, :allow_runner_registration_token
  end
end
