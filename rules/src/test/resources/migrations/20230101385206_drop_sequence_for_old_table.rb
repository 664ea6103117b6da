# frozen_string_literal: true

class DropSequenceForOldTable < Gitlab::Database::Migration[2.2]
  def up
    drop_sequence(:ci_pipeline_chat_data, :id, :ci_pipeline_chat_data_id_seq)
  end

  def down
    add_sequence(:ci_pipeline_chat_data, :id, :ci_pipeline_chat_data_id_seq, 1)
  end
end
