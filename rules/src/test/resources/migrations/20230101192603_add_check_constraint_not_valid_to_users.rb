# frozen_string_literal: true

class AddCheckConstraintNotValidToUsers < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!
  CONSTRAINT_NAME = 'check_users_email_length'

  def up
    add_check_constraint :users, 'char_length(email) <= 255', CONSTRAINT_NAME, validate: false
  end

  def down
    remove_check_constraint :users, CONSTRAINT_NAME
  end
end
