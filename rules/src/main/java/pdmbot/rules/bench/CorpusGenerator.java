package pdmbot.rules.bench;

import pdmbot.rules.classify.Classifier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generates varied post-deploy migrations in GitLab's vocabulary, deterministically from a seed, in memory. */
public final class CorpusGenerator {

    private static final String[] TABLES = {"ci_builds", "merge_requests", "issues", "label_priorities", "project_settings",
            "namespaces", "web_hook_logs", "deployments", "todos", "user_preferences", "ci_pipeline_variables", "notes"};
    private static final String[] SCHEMAS = {"gitlab_main", "gitlab_ci", "gitlab_main_cell", "gitlab_sec", null, null};
    private static final String[] VERSIONS = {"2.2", "2.2", "2.1", "2.0", "1.0"};

    private final Random random;

    public CorpusGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} files named {@code db/post_migrate/<version>_<name>.rb}. */
    public List<Classifier.MigrationFile> generate(int count) {
        List<Classifier.MigrationFile> files = new ArrayList<>(count);
        long version = 20230101000000L;
        for (int i = 0; i < count; i++) {
            version += 1 + random.nextInt(9000);
            String name = "generated_migration_" + i;
            files.add(new Classifier.MigrationFile("db/post_migrate/" + version + "_" + name + ".rb",
                    migration("GeneratedMigration" + i).getBytes(StandardCharsets.UTF_8)));
        }
        return files;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    String migration(String className) {
        String table = pick(TABLES);
        String schema = pick(SCHEMAS);
        StringBuilder sb = new StringBuilder("# frozen_string_literal: true\n\n");
        sb.append("class ").append(className).append(" < Gitlab::Database::Migration[").append(pick(VERSIONS)).append("]\n");
        if (random.nextBoolean()) sb.append("  disable_ddl_transaction!\n");
        if (schema != null) sb.append("  restrict_gitlab_migration gitlab_schema: :").append(schema).append('\n');
        sb.append("  milestone '").append(15 + random.nextInt(3)).append('.').append(random.nextInt(12)).append("'\n\n");
        sb.append("  TABLE_NAME = :").append(table).append('\n');
        sb.append("  INDEX_NAME = 'index_").append(table).append("_on_c").append(random.nextInt(100)).append("'\n");
        sb.append("  MIGRATION = 'Backfill").append(className).append("'\n");
        sb.append("  BATCH_SIZE = 1_000\n\n");
        if (random.nextInt(4) == 0) {
            sb.append("  class Model < MigrationRecord\n    include EachBatch\n    self.table_name = '").append(table).append("'\n  end\n\n");
        }
        sb.append("  def up\n");
        int operations = random.nextInt(4);
        for (int k = 0; k < operations; k++) sb.append(operation());
        if (operations == 0) sb.append("    # no-op\n");
        sb.append("  end\n\n  def down\n");
        sb.append("    remove_concurrent_index_by_name TABLE_NAME, INDEX_NAME\n");
        sb.append("  end\nend\n");
        return sb.toString();
    }

    private String operation() {
        return switch (random.nextInt(12)) {
            case 0 -> "    queue_batched_background_migration(MIGRATION, TABLE_NAME, :id, job_interval: 2.minutes, batch_size: BATCH_SIZE)\n";
            case 1 -> "    add_concurrent_index TABLE_NAME, :c, name: INDEX_NAME\n";
            case 2 -> "    prepare_async_index TABLE_NAME, :c, name: INDEX_NAME\n";
            case 3 -> "    remove_column TABLE_NAME, :legacy_" + random.nextInt(50) + ", if_exists: true\n";
            case 4 -> "    execute <<~SQL\n      UPDATE " + pick(TABLES) + " SET flag = false WHERE flag IS NULL\n    SQL\n";
            case 5 -> "    ensure_batched_background_migration_is_finished(job_class_name: MIGRATION, table_name: TABLE_NAME, column_name: :id, job_arguments: [])\n";
            case 6 -> "    add_concurrent_foreign_key TABLE_NAME, :projects, column: :project_id, validate: " + random.nextBoolean() + "\n";
            case 7 -> "    with_lock_retries do\n      remove_foreign_key_if_exists TABLE_NAME, column: :user_id\n    end\n";
            case 8 -> "    define_batchable_model(TABLE_NAME).each_batch(of: BATCH_SIZE) do |batch|\n      batch.where(x: nil).update_all(x: 0)\n    end\n";
            case 9 -> "    return unless Gitlab.com?\n\n";
            case 10 -> "    # add_concurrent_index :ci_builds, :ignored\n    say 'drop_table in a string'\n";
            default -> "    execute 'DROP INDEX CONCURRENTLY IF EXISTS tmp_index_" + random.nextInt(99) + "'\n";
        };
    }
}
