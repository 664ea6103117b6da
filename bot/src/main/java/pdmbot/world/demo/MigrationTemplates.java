package pdmbot.world.demo;

/**
 * Bodies of demo post-deploy migrations written in GitLab's helper vocabulary, one method per kind of work.
 * Each returns what goes inside the class after its declarations; {@link MigrationSpec} adds the header.
 */
final class MigrationTemplates {

    /** A class body, and whether the class declares {@code disable_ddl_transaction!}. */
    record Body(boolean withoutTransaction, String text) {
    }

    private MigrationTemplates() {
    }

    // sidekiq_only

    static Body queueBackfill(String migration, String table, String column) {
        return new Body(false, """
                  MIGRATION = '%1$s'
                  DELAY_INTERVAL = 2.minutes
                  BATCH_SIZE = 1_000
                  SUB_BATCH_SIZE = 100

                  def up
                    queue_batched_background_migration(
                      MIGRATION,
                      :%2$s,
                      :%3$s,
                      job_interval: DELAY_INTERVAL,
                      batch_size: BATCH_SIZE,
                      sub_batch_size: SUB_BATCH_SIZE
                    )
                  end

                  def down
                    delete_batched_background_migration(MIGRATION, :%2$s, :%3$s, [])
                  end
                """.formatted(migration, table, column));
    }

    static Body prepareAsyncIndex(String table, String columns, String indexName) {
        return new Body(false, """
                  TABLE_NAME = :%1$s
                  INDEX_NAME = '%3$s'

                  # TODO: Index to be created synchronously in a follow-up release
                  def up
                    prepare_async_index TABLE_NAME, %2$s, name: INDEX_NAME
                  end

                  def down
                    unprepare_async_index TABLE_NAME, %2$s, name: INDEX_NAME
                  end
                """.formatted(table, columns, indexName));
    }

    static Body prepareAsyncForeignKeyValidation(String table, String column, String foreignKey) {
        return new Body(false, """
                  TABLE_NAME = :%1$s
                  COLUMN_NAME = :%2$s
                  FK_NAME = :%3$s

                  def up
                    prepare_async_foreign_key_validation TABLE_NAME, COLUMN_NAME, name: FK_NAME
                  end

                  def down
                    unprepare_async_foreign_key_validation TABLE_NAME, COLUMN_NAME, name: FK_NAME
                  end
                """.formatted(table, column, foreignKey));
    }

    // large_index_or_fk

    static Body addConcurrentIndex(String table, String columns, String indexName, String where) {
        String condition = where == null ? "" : ", where: '" + where + "'";
        return new Body(true, """
                  TABLE_NAME = :%1$s
                  INDEX_NAME = '%3$s'

                  def up
                    add_concurrent_index TABLE_NAME, %2$s, name: INDEX_NAME%4$s
                  end

                  def down
                    remove_concurrent_index_by_name TABLE_NAME, INDEX_NAME
                  end
                """.formatted(table, columns, indexName, condition));
    }

    static Body addConcurrentForeignKey(String table, String target, String column) {
        return new Body(true, """
                  def up
                    add_concurrent_foreign_key :%1$s, :%2$s, column: :%3$s, on_delete: :cascade
                  end

                  def down
                    with_lock_retries do
                      remove_foreign_key_if_exists :%1$s, column: :%3$s
                    end
                  end
                """.formatted(table, target, column));
    }

    static Body validateForeignKey(String table, String column, String foreignKey) {
        return new Body(false, """
                  FK_NAME = :%3$s

                  def up
                    validate_foreign_key :%1$s, :%2$s, name: FK_NAME
                  end

                  def down
                    # Can be safely ignored
                  end
                """.formatted(table, column, foreignKey));
    }

    static Body validateNotNull(String table, String column) {
        return new Body(true, """
                  def up
                    validate_not_null_constraint :%1$s, :%2$s
                  end

                  def down
                    # no-op
                  end
                """.formatted(table, column));
    }

    // ddl_cleanup

    static Body removeColumn(String table, String column, String type) {
        return new Body(false, """
                  enable_lock_retries!

                  def up
                    remove_column :%1$s, :%2$s
                  end

                  def down
                    add_column :%1$s, :%2$s, :%3$s
                  end
                """.formatted(table, column, type));
    }

    static Body dropTable(String table, String columnsInDown) {
        return new Body(false, """
                  def up
                    drop_table :%1$s
                  end

                  def down
                    create_table :%1$s do |t|
                %2$s
                    end
                  end
                """.formatted(table, columnsInDown.stripTrailing()));
    }

    static Body removeIndexByName(String table, String columns, String indexName) {
        return new Body(true, """
                  TABLE_NAME = :%1$s
                  INDEX_NAME = '%3$s'

                  def up
                    remove_concurrent_index_by_name TABLE_NAME, INDEX_NAME
                  end

                  def down
                    add_concurrent_index TABLE_NAME, %2$s, name: INDEX_NAME
                  end
                """.formatted(table, columns, indexName));
    }

    static Body removeForeignKey(String table, String target, String column) {
        return new Body(true, """
                  def up
                    with_lock_retries do
                      remove_foreign_key_if_exists :%1$s, :%2$s, column: :%3$s
                    end
                  end

                  def down
                    add_concurrent_foreign_key :%1$s, :%2$s, column: :%3$s, on_delete: :cascade
                  end
                """.formatted(table, target, column));
    }

    // noop

    static Body noop(String why) {
        return new Body(false, """
                  def up
                    # no-op: %1$s
                  end

                  def down
                    # no-op
                  end
                """.formatted(why));
    }

    static String indent(String text, int spaces) {
        String pad = " ".repeat(spaces);
        StringBuilder sb = new StringBuilder();
        for (String line : text.strip().split("\n")) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(pad).append(line.strip());
        }
        return sb.toString();
    }
}
