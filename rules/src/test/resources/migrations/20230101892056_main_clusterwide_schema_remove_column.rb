# frozen_string_literal: true

class MainClusterwideSchemaRemoveColumn < Gitlab::Database::Migration[2.2]
  restrict_gitlab_migration gitlab_schema: :gitlab_main_clusterwide

  def up
    remove_column :application_settings, :elasticsearch_shards, if_exists: true
  end

  def down
    add_column :application_settings, :elasticsearch_shards, :jsonb, default: {}, null: false
  end
end
