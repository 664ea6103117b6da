# frozen_string_literal: true

class NoopEmptyChange < Gitlab::Database::Migration[2.1]
  def change
  end
end
