# frozen_string_literal: true

class InitializeBigintConversionForCiSources < Gitlab::Database::Migration[2.2]
  restrict_gitlab_migration gitlab_schema: :gitlab_ci
  TABLE = :ci_sources_pipelines
  COLUMNS = %i[source_job_id]

  def up
    initialize_conversion_of_integer_to_bigint(TABLE, COLUMNS)
  end

  def down
    revert_initialize_conversion_of_integer_to_bigint(TABLE, COLUMNS)
  end
end
