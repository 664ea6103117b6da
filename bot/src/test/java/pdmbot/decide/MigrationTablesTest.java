package pdmbot.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import pdmbot.domain.PostMigration;

/** The tables and finalized background migrations read from a migration's source. */
class MigrationTablesTest {

    // the shape of GitLab's finalize migrations, e.g. db/post_migrate/20231003045342_finalize_backfill_*.rb in gitlabhq
    private static final String FINALIZE = """
            # frozen_string_literal: true

            class FinalizeBackfillCiStagesPartitionId < Gitlab::Database::Migration[2.2]
              MIGRATION = 'BackfillCiStagesPartitionId'

              disable_ddl_transaction!
              restrict_gitlab_migration gitlab_schema: :gitlab_ci

              def up
                ensure_batched_background_migration_is_finished(
                  job_class_name: MIGRATION,
                  table_name: :ci_stages,
                  column_name: :id,
                  job_arguments: [],
                  finalize: true
                )
              end

              def down
                # no-op
              end
            end
            """;

    @Test
    void a_finalize_migration_names_its_job_class_through_its_constant_and_its_table() {
        MigrationTables.Touched touched = new MigrationTables().of(
                new PostMigration("20231106234858", "finalize_backfill_ci_stages_partition_id",
                        "db/post_migrate/20231106234858_finalize_backfill_ci_stages_partition_id.rb"),
                FINALIZE.getBytes(StandardCharsets.UTF_8));

        assertThat(touched.finalizes()).containsExactly(new MigrationTables.Finalized("BackfillCiStagesPartitionId", "ci_stages"));
        assertThat(touched.tables()).contains("ci_stages");
    }

    @Test
    void an_index_migration_touches_its_table() {
        String source = """
                class AddIndexOnMergeRequestsAuthor < Gitlab::Database::Migration[2.2]
                  disable_ddl_transaction!
                  def up
                    add_concurrent_index :merge_requests, :author_id, name: 'index_mr_author'
                  end
                  def down
                    remove_concurrent_index_by_name :merge_requests, 'index_mr_author'
                  end
                end
                """;
        MigrationTables.Touched touched = new MigrationTables().of(new PostMigration("20231107082545", "add_index_on_merge_requests_author",
                "db/post_migrate/20231107082545_add_index_on_merge_requests_author.rb"), source.getBytes(StandardCharsets.UTF_8));

        assertThat(touched.tables()).containsExactly("merge_requests");
        assertThat(touched.finalizes()).isEmpty();
    }
}
