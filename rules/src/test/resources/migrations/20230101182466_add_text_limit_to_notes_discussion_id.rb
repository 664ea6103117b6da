# frozen_string_literal: true

class AddTextLimitToNotesDiscussionId < Gitlab::Database::Migration[2.2]
  disable_ddl_transaction!

  def up
    add_text_limit :notes, :discussion_id, 255
  end

  def down
    remove_text_limit :notes, :discussion_id
  end
end
