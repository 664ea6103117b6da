package pdmbot.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pdmbot.domain.LogicalDatabase;

/** Job traces shaped as the deployer's db:migrate jobs print them (see src/test/resources/gitlab/README.md). */
class MigrationLogTest {

    private static List<MigrationTiming> timingsOf(String fixture) throws IOException {
        try (InputStream in = MigrationLogTest.class.getResourceAsStream("/gitlab/" + fixture)) {
            assertThat(in).as(fixture).isNotNull();
            return MigrationLog.timingsOf(in);
        }
    }

    @Test
    void a_successful_trace_gives_each_migration_its_time_on_each_database() throws IOException {
        List<MigrationTiming> timings = timingsOf("job-trace-post-deploy-migrations-main-and-ci.log");

        assertThat(timings).containsExactly(
                new MigrationTiming(Optional.of(LogicalDatabase.MAIN), "20231106180117",
                        "PrepareAsyncIndexMergeRequestsOnAuthorIdAndCreatedAt", Optional.of(Duration.ofMillis(59).plusNanos(200_000))),
                new MigrationTiming(Optional.of(LogicalDatabase.MAIN), "20231107025611",
                        "RemoveIndexMergeRequestsOnMergeJid", Optional.of(Duration.ofSeconds(812).plusNanos(401_200_000))),
                new MigrationTiming(Optional.of(LogicalDatabase.CI), "20231106234858",
                        "FinalizeBackfillCiBuildsMetadataPartitionId", Optional.of(Duration.ofSeconds(3).plusNanos(201_800_000))),
                new MigrationTiming(Optional.of(LogicalDatabase.CI), "20231107025611",
                        "RemoveIndexMergeRequestsOnMergeJid", Optional.of(Duration.ofMillis(10).plusNanos(500_000))));
    }

    @Test
    void a_migrating_line_without_its_migrated_line_is_the_one_that_failed() throws IOException {
        List<MigrationTiming> timings = timingsOf("job-trace-post-deploy-migration-failed-on-ci.log");

        assertThat(timings).extracting(MigrationTiming::version, MigrationTiming::isUnfinished)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("20231107035712", false),
                        org.assertj.core.groups.Tuple.tuple("20231101120000", true));
        assertThat(timings.get(1).database()).contains(LogicalDatabase.CI);
    }

    @Test
    void a_trace_without_the_database_prefix_gives_timings_without_a_database() throws IOException {
        List<MigrationTiming> timings = timingsOf("job-trace-post-deploy-migration-failed.log");

        assertThat(timings).containsExactly(new MigrationTiming(Optional.empty(), "20231101120000", "AddIndexOnCiBuilds",
                Optional.empty()));
    }

    @Test
    void lines_of_another_database_and_say_lines_are_ignored() {
        String log = "embedding: == 20231107025611 RemoveFoo: migrated (1.0000s) ========\n"
                + "main: -- remove_index(:merge_requests)\n"
                + "main:    -> 0.0100s\n"
                + "2024-01-05T10:00:00.123456Z 01O main: == 20231107025611 RemoveFoo: migrated (2.5000s) ===\n";

        assertThat(MigrationLog.timingsOf(log)).containsExactly(new MigrationTiming(Optional.of(LogicalDatabase.MAIN),
                "20231107025611", "RemoveFoo", Optional.of(Duration.ofMillis(2500))));
    }
}
