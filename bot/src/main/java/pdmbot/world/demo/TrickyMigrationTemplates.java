package pdmbot.world.demo;

/**
 * Bodies of demo migrations that trip a naive classifier: several natures in one file, row changes hidden in
 * constants or behind guards, cheap NOT VALID constraints, work outside the database.
 */
final class TrickyMigrationTemplates {

    private TrickyMigrationTemplates() {
    }

    /** Finishes a migration, then drops the column it backfilled: finalize_background and ddl_cleanup. */
    static MigrationTemplates.Body finalizeThenRemoveColumn(String migration, String table, String column, String type) {
        return new MigrationTemplates.Body(true, """
                  MIGRATION = '%1$s'

                  def up
                    ensure_batched_background_migration_is_finished(
                      job_class_name: MIGRATION,
                      table_name: :%2$s,
                      column_name: :id,
                      job_arguments: []
                    )

                    remove_column :%2$s, :%3$s, if_exists: true
                  end

                  def down
                    add_column :%2$s, :%3$s, :%4$s, if_not_exists: true
                  end
                """.formatted(migration, table, column, type));
    }

    /** Builds a temporary index synchronously, then schedules: large_index_or_fk and sidekiq_only. */
    static MigrationTemplates.Body temporaryIndexThenQueue(String migration, String table, String column, String indexName) {
        return new MigrationTemplates.Body(true, """
                  MIGRATION = '%1$s'
                  TEMP_INDEX_NAME = '%4$s'
                  BATCH_SIZE = 10_000

                  def up
                    add_concurrent_index :%2$s, :id, name: TEMP_INDEX_NAME, where: '%3$s IS NULL'

                    queue_batched_background_migration(MIGRATION, :%2$s, :id, batch_size: BATCH_SIZE)
                  end

                  def down
                    delete_batched_background_migration(MIGRATION, :%2$s, :id, [])
                    remove_concurrent_index_by_name :%2$s, TEMP_INDEX_NAME
                  end
                """.formatted(migration, table, column, indexName));
    }

    /** Row changes hidden in a SQL constant behind an environment guard. */
    static MigrationTemplates.Body guardedSqlConstant(String sql) {
        return new MigrationTemplates.Body(false, """
                  RESET_SQL = <<~SQL
                %1$s
                  SQL

                  def up
                    return unless Gitlab.com?

                    execute(RESET_SQL)
                  end

                  def down
                    # no-op
                  end
                """.formatted(MigrationTemplates.indent(sql, 4)));
    }

    /** A NOT VALID check constraint: cheap metadata, not constraint validation. */
    static MigrationTemplates.Body notValidCheckConstraint(String table, String column, int limit, String constraint) {
        return new MigrationTemplates.Body(true, """
                  CONSTRAINT_NAME = '%4$s'

                  def up
                    add_check_constraint :%1$s, 'char_length(%2$s) <= %3$d', CONSTRAINT_NAME, validate: false
                  end

                  def down
                    remove_check_constraint :%1$s, CONSTRAINT_NAME
                  end
                """.formatted(table, column, limit, constraint));
    }

    /** Named like a cleanup, only clears a Redis key. */
    static MigrationTemplates.Body redisOnly(String key) {
        return new MigrationTemplates.Body(false, """
                  def up
                    Gitlab::Redis::SharedState.with do |redis|
                      redis.del('%1$s')
                    end
                  end

                  def down
                    # no-op
                  end
                """.formatted(key));
    }

    /** Rows changed one by one through models: find_each with update!. */
    static MigrationTemplates.Body findEachUpdate(String model, String table, String where, String set) {
        return new MigrationTemplates.Body(true, """
                  class %1$s < MigrationRecord
                    self.table_name = '%2$s'
                  end

                  def up
                    %1$s.where(%3$s).find_each do |record|
                      record.update!(%4$s)
                    end
                  end

                  def down
                    # no-op
                  end
                """.formatted(model, table, where, set));
    }
}
