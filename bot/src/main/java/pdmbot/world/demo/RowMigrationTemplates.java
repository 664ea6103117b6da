package pdmbot.world.demo;

/**
 * Bodies of demo post-deploy migrations that change rows or finish background migrations (dml_inline,
 * finalize_background), in GitLab's helper vocabulary; the schema-only ones are in {@link MigrationTemplates}.
 */
final class RowMigrationTemplates {

    private RowMigrationTemplates() {
    }

    // dml_inline

    static MigrationTemplates.Body updateColumnInBatches(String table, String column, String value, String typeFilter) {
        return new MigrationTemplates.Body(true, """
                  def up
                    update_column_in_batches(:%1$s, :%2$s, %3$s) do |table, query|
                      query.where(table[:type].eq('%4$s'))
                    end
                  end

                  def down
                    # no-op
                  end
                """.formatted(table, column, value, typeFilter));
    }

    static MigrationTemplates.Body eachBatchUpdateAll(String model, String table, String where, String set) {
        return new MigrationTemplates.Body(true, """
                  BATCH_SIZE = 500

                  class %1$s < MigrationRecord
                    include EachBatch

                    self.table_name = '%2$s'
                  end

                  def up
                    %1$s.where(%3$s).each_batch(of: BATCH_SIZE) do |batch|
                      batch.update_all(%4$s)
                    end
                  end

                  def down
                    # no-op
                  end
                """.formatted(model, table, where, set));
    }

    static MigrationTemplates.Body eachBatchDeleteAll(String model, String table, String where) {
        return new MigrationTemplates.Body(true, """
                  BATCH_SIZE = 1_000

                  class %1$s < MigrationRecord
                    include EachBatch

                    self.table_name = '%2$s'
                  end

                  def up
                    %1$s.where(%3$s).each_batch(of: BATCH_SIZE) do |batch|
                      batch.delete_all
                    end
                  end

                  def down
                    # no-op
                  end
                """.formatted(model, table, where));
    }

    static MigrationTemplates.Body heredocUpdate(String sql) {
        return new MigrationTemplates.Body(false, """
                  def up
                    execute(<<~SQL)
                %1$s
                    SQL
                  end

                  def down
                    # no-op
                  end
                """.formatted(MigrationTemplates.indent(sql, 6)));
    }

    // finalize_background

    static MigrationTemplates.Body ensureFinished(String migration, String table, String column) {
        return new MigrationTemplates.Body(true, """
                  MIGRATION = '%1$s'

                  def up
                    ensure_batched_background_migration_is_finished(
                      job_class_name: MIGRATION,
                      table_name: :%2$s,
                      column_name: :%3$s,
                      job_arguments: [],
                      finalize: true
                    )
                  end

                  def down
                    # no-op
                  end
                """.formatted(migration, table, column));
    }

    static MigrationTemplates.Body finalizeBackfill(String migration, String table, String column) {
        return new MigrationTemplates.Body(true, """
                  MIGRATION = '%1$s'

                  def up
                    finalize_batched_background_migration(
                      job_class_name: MIGRATION,
                      table_name: :%2$s,
                      column_name: :%3$s,
                      job_arguments: []
                    )
                  end

                  def down
                    # no-op
                  end
                """.formatted(migration, table, column));
    }
}
