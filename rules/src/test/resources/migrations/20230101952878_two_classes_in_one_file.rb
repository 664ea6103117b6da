# frozen_string_literal: true

class RemoveFooColumn < Gitlab::Database::Migration[2.2]
  def up
    remove_column :users, :foo
  end

  def down
  end
end

class RemoveBarColumn < Gitlab::Database::Migration[2.2]
  def up
    remove_column :users, :bar
  end
end
