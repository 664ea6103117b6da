# frozen_string_literal: true

class NoopWithHelperInString < Gitlab::Database::Migration[2.2]
  def up
    # The helper name in this string is not a call:
    say "remember to run remove_column :users, :theme later"
  end

  def down
  end
end
