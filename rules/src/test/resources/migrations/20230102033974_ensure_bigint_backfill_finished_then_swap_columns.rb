# frozen_string_literal: true

class EnsureBigintBackfillFinishedThenSwapColumns < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!
  restrict_gitlab_migration gitlab_schema: :gitlab_main
  TABLE = :notes

  def up
    ensure_backfill_conversion_of_integer_to_bigint_is_finished(TABLE, %i[id])
    add_concurrent_index TABLE, :id_convert_to_bigint, unique: true, name: 'index_notes_on_id_convert_to_bigint'
  end

  def down
    remove_concurrent_index_by_name TABLE, 'index_notes_on_id_convert_to_bigint'
  end
end
