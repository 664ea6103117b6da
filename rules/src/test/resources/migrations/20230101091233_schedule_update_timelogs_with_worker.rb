# frozen_string_literal: true

class ScheduleUpdateTimelogsWithWorker < ActiveRecord::Migration[6.0]
  def up
    BackgroundMigrationWorker.perform_in(2.minutes, 'UpdateTimelogsProjectId', [1, 100_000])
    BackgroundMigrationWorker.bulk_perform_in(5.minutes, [['UpdateTimelogsProjectId', [100_001, 200_000]]])
  end

  def down
  end
end
