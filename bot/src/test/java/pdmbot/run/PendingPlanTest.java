package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;
import pdmbot.world.PendingMigration;

class PendingPlanTest {

    private static final PostMigration BOTH = PostMigration.fromPath("db/post_migrate/20231101000000_drop_tmp_table.rb").orElseThrow();
    private static final PostMigration CI = PostMigration.fromPath("db/post_migrate/20231102000000_add_index_ci.rb").orElseThrow();

    @Test
    void a_migration_pending_on_main_and_ci_is_listed_once_with_both_databases() {
        List<PendingPlan.Entry> entries = PendingPlan.group(List.of(
                new PendingMigration(Environment.GSTG, LogicalDatabase.MAIN, BOTH),
                new PendingMigration(Environment.GSTG, LogicalDatabase.CI, BOTH),
                new PendingMigration(Environment.GSTG, LogicalDatabase.CI, CI)));

        assertThat(entries).containsExactly(
                new PendingPlan.Entry(BOTH, Set.of(LogicalDatabase.MAIN, LogicalDatabase.CI)),
                new PendingPlan.Entry(CI, Set.of(LogicalDatabase.CI)));
        assertThat(LogicalDatabase.format(entries.get(0).databases())).isEqualTo("main,ci");
    }
}
