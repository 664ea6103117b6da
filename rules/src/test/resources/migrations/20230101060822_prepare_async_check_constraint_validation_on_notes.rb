# frozen_string_literal: true

class PrepareAsyncCheckConstraintValidationOnNotes < Gitlab::Database::Migration[2.2]
  milestone '16.9'

  def up
    prepare_async_check_constraint_validation :notes, name: 'check_1385a98d6c'
  end

  def down
    unprepare_async_check_constraint_validation :notes, name: 'check_1385a98d6c'
  end
end
