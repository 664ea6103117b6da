# frozen_string_literal: true

class AddNotNullConstraintNotValidOnDeployments < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!

  def up
    add_not_null_constraint :deployments, :environment_id, validate: false
  end

  def down
    remove_not_null_constraint :deployments, :environment_id
  end
end
