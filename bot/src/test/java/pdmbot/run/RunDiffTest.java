package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pdmbot.chat.Block;
import pdmbot.chat.Reply;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PackageVersion;
import pdmbot.domain.PostMigration;
import pdmbot.ledger.MigrationNatures;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.MergeRequestRef;

/** The PDM diff a run posts in its thread at its start (issue 17 item 4). */
class RunDiffTest {

    static final AutoDeployPackage GSTG_PACKAGE = new AutoDeployPackage(
            PackageVersion.parse("16.7.202311100020-cf930cc2066.81dd8dfc3a8").orElseThrow(), "cf930cc2066" + "a".repeat(29), "16-7-auto-deploy");
    static final MigrationNatures NATURES = m -> new MigrationNatures.Summary(
            m.name().startsWith("remove") ? "ddl_cleanup" : "sidekiq_only", Set.of(LogicalDatabase.MAIN));

    static PostMigration migration(int i, String name) {
        String version = String.valueOf(20231106000000L + i);
        return new PostMigration(version, name, "db/post_migrate/" + version + "_" + name + ".rb");
    }

    /** {@code count} migrations on db/gstg, on main and ci each. */
    static PendingPlan plan(int count, String namePrefix) {
        List<PendingPlan.Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++)
            entries.add(new PendingPlan.Entry(migration(i, namePrefix + "_" + i), Set.of(LogicalDatabase.MAIN, LogicalDatabase.CI)));
        Map<Environment, List<PendingPlan.Entry>> by = new EnumMap<>(Environment.class);
        by.put(Environment.GSTG, entries);
        return new PendingPlan(List.of(Environment.GSTG), by, Map.of(Environment.GSTG, GSTG_PACKAGE));
    }

    static final MergeRequestOf MR = version -> Optional.of(new MergeRequestRef("gitlab-org/gitlab", 140_000 + Integer.parseInt(version.substring(10))));

    @Test
    void each_migration_shows_its_nature_and_links_to_its_file_and_merge_request_per_database() {
        RunDiff diff = new RunDiff(NATURES, new MigrationLinks(Optional.of("https://gitlab.example.com/"),
                "gitlab-org/security/gitlab"));

        Reply reply = diff.of(7, plan(1, "remove_index_foo"), MR, Optional.empty()).orElseThrow();

        String text = reply.plainText();
        assertThat(text).contains("PDM run #7: what it runs", "*db/gstg main*: 1 post-deploy migration (package `16.7.202311100020-cf930cc2066.81dd8dfc3a8`)",
                "*db/gstg ci*: 1 post-deploy migration");
        assertThat(text).contains("`20231106000000` RemoveIndexFoo0 — ddl_cleanup — https://gitlab.example.com/gitlab-org/security/gitlab/-/blob/"
                + GSTG_PACKAGE.commitSha() + "/db/post_migrate/20231106000000_remove_index_foo_0.rb — MR https://gitlab.example.com/gitlab-org/gitlab/-/merge_requests/140000");
        assertThat(text).contains("Predicted durations are not available yet.");
    }

    @Test
    void a_predicted_duration_is_shown_with_what_it_rests_on_for_each_database() {
        List<String> asked = new ArrayList<>();
        MigrationTimes predictor = new MigrationTimes() {
            @Override
            public Estimate estimate(Environment environment, LogicalDatabase database, PostMigration migration) {
                asked.add(database.id() + " " + migration.version());
                return new Estimate(database == LogicalDatabase.CI ? Duration.ofSeconds(20) : Duration.ofSeconds(125), 7,
                        "median of 7 sidekiq_only on " + database.id());
            }

            @Override
            public int learn(Environment environment, List<pdmbot.world.PendingMigration> planned,
                             List<pdmbot.world.MigrationTiming> timings, String source) {
                return 0;
            }
        };
        RunDiff diff = new RunDiff(NATURES, MigrationLinks.NONE);

        String text = diff.of(1, plan(1, "prepare_async_index"), MR, Optional.of(predictor)).orElseThrow().plainText();

        assertThat(text).contains("sidekiq_only — ~2m 05s (median of 7 sidekiq_only on main)", "sidekiq_only — ~20s (median of 7 sidekiq_only on ci)");
        assertThat(asked).containsExactly("main 20231106000000", "ci 20231106000000");
        assertThat(text).doesNotContain("not available");
    }

    @Test
    void without_web_pages_the_diff_names_the_file_and_the_merge_request() {
        RunDiff diff = new RunDiff(NATURES, MigrationLinks.NONE);

        String text = diff.of(1, plan(1, "remove_column_bar"), MR, Optional.empty()).orElseThrow().plainText();

        assertThat(text).contains("— `db/post_migrate/20231106000000_remove_column_bar_0.rb` — MR gitlab-org/gitlab!140000");
    }

    @Test
    void nothing_pending_or_no_diff_configured_posts_nothing() {
        RunDiff diff = new RunDiff(NATURES, MigrationLinks.NONE);

        assertThat(diff.of(1, plan(0, "x"), MR, Optional.empty())).isEmpty();
        assertThat(RunDiff.NONE.of(1, plan(3, "x"), MR, Optional.empty())).isEmpty();
    }

    @Test
    void the_lines_are_bullets_one_per_migration_and_database() {
        RunDiff diff = new RunDiff(NATURES, MigrationLinks.NONE);

        Reply reply = diff.of(1, plan(3, "add_thing"), MR, Optional.empty()).orElseThrow();

        assertThat(reply.blocks()).filteredOn(b -> b instanceof Block.Bullets)
                .extracting(b -> ((Block.Bullets) b).items().size()).containsExactly(3, 3);
    }
}
