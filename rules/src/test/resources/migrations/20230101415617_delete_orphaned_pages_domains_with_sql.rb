# frozen_string_literal: true

class DeleteOrphanedPagesDomainsWithSql < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!

  def up
    execute <<~SQL
      DELETE FROM pages_domain_acme_orders
      WHERE pages_domain_id NOT IN (SELECT id FROM pages_domains)
    SQL
  end

  def down
  end
end
