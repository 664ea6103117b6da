# frozen_string_literal: true

class UnknownCallOnly < Gitlab::Database::Migration[2.2]
  def up
    Gitlab::Database::PostgresPartition.for_parent_table(:audit_events).each do |partition|
      Rails.logger.info(partition.name)
    end
  end

  def down
  end
end
