# frozen_string_literal: true

class ClearRedisCacheKeys < Gitlab::Database::Migration[2.2]
  def up
    Gitlab::Redis::Cache.with do |redis|
      redis.del('ci:runner:version_check')
    end
  end

  def down
  end
end
