package pdmbot.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pdmbot.domain.LogicalDatabase;
import pdmbot.rules.decide.DecisionFacts;
import pdmbot.world.BackgroundMigrations.Listing;
import pdmbot.world.BatchedBackgroundMigration;

/**
 * When a finalize's batched background migration has no known state (issue 12, review finding 1): the world could not
 * say, or it listed only the newest migrations (GitLab's admin API: 20) and this one is not among them.
 */
class BackgroundMigrationStateTest {

    static final DecisionFacts.Finalizes FINALIZES = new DecisionFacts.Finalizes("gprd finalize_background",
            "20231107025611", "BackfillEventsNamespace", "events");
    static final BatchedBackgroundMigration OTHER = new BatchedBackgroundMigration(LogicalDatabase.MAIN,
            "BackfillIssuesNamespaceId", "issues", "id", "finished", "100.0%");
    static final BatchedBackgroundMigration WANTED = new BatchedBackgroundMigration(LogicalDatabase.MAIN,
            "BackfillEventsNamespace", "events", "id", "finished", "100.0%");

    @Test
    void a_listing_the_world_could_not_make_gives_its_reason() {
        assertThat(WorldState.unknownReason(new Listing.Unknown("GitLab answered 403 Forbidden"), FINALIZES))
                .contains("GitLab answered 403 Forbidden");
    }

    @Test
    void a_complete_listing_without_the_migration_is_known_it_is_not_running() {
        assertThat(WorldState.unknownReason(new Listing.Listed(List.of(OTHER), ""), FINALIZES)).isEmpty();
    }

    @Test
    void a_listing_of_the_newest_only_without_the_migration_says_it_may_be_older() {
        assertThat(WorldState.unknownReason(new Listing.Listed(List.of(OTHER), "it is not among the newest 20"), FINALIZES))
                .contains("it is not among the newest 20");
    }

    @Test
    void a_listing_of_the_newest_only_that_holds_the_migration_knows_its_state() {
        assertThat(WorldState.unknownReason(new Listing.Listed(List.of(OTHER, WANTED), "it is not among the newest 20"),
                FINALIZES)).isEmpty();
    }
}
