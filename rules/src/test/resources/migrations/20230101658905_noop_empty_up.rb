# frozen_string_literal: true

class NoopEmptyUp < Gitlab::Database::Migration[2.2]
  def up; end

  def down; end
end
