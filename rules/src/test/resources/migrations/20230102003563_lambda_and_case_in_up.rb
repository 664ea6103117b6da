# frozen_string_literal: true

class LambdaAndCaseInUp < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!

  def up
    pick = ->(kind) { kind == :ci ? :ci_runners : :users }
    case Gitlab::Database.database_base_models.keys.first
    when 'main'
      remove_column pick.call(:main), :legacy_flag
    else
      say 'skip'
    end
  end

  def down; end
end
