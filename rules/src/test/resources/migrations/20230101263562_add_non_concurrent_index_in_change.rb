# frozen_string_literal: true

class AddNonConcurrentIndexInChange < Gitlab::Database::Migration[2.1]
  def change
    add_index :ci_runner_taggings, :tag_id, name: 'index_ci_runner_taggings_on_tag_id'
  end
end
