# frozen_string_literal: true

class RemoveOldColumn < Gitlab::Database::Migration[2.2]
  def up
    remove_column :users, :old, if_exists: true
  end
end
