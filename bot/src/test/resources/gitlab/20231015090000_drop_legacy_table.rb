# frozen_string_literal: true

class DropLegacyTable < Gitlab::Database::Migration[2.2]
  def up
    drop_table :legacy
  end
end
