# frozen_string_literal: true

class ArelUpdateManagerForLdapUsers < ActiveRecord::Migration[6.0]
  class Identity < MigrationRecord
    self.table_name = 'identities'
  end

  def up
    table = Arel::Table.new(:identities)
    manager = Arel::UpdateManager.new
    manager.table(table)
    manager.set([[table[:provider], 'ldapmain']])
    manager.where(table[:provider].eq('ldap'))
    connection.update(manager.to_sql)
  end

  def down
  end
end
