# frozen_string_literal: true

class FindEachUpdateBangOnServices < Gitlab::Database::Migration[2.2]
  class Integration < MigrationRecord
    self.table_name = 'integrations'
    self.inheritance_column = :_type_disabled
  end

  def up
    Integration.where(type: 'JiraService').find_each do |integration|
      integration.update!(category: 'issue_tracker')
    end
  end

  def down
  end
end
