package pdmbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pdmbot.domain.Environment;
import pdmbot.storage.Database;
import pdmbot.storage.schedule.Offer;
import pdmbot.storage.testing.TestDatabases;

class CountedOffersTest {

    private static final Instant START = Instant.parse("2026-12-05T02:00:00Z");

    @Test
    void each_claim_and_each_move_is_counted_once_by_the_caller_that_won_it() {
        List<String> counted = new ArrayList<>();
        try (Database db = TestDatabases.h2()) {
            CountedOffers offers = new CountedOffers(db.stores().offers(), counted::add);
            Offer offer = offers.claim(Environment.GPRD, "ddl_cleanup", START, START.plusSeconds(3600), Offer.Kind.PROPOSED,
                    Offer.State.OPEN, List.of("20231107025611")).orElseThrow();
            assertThat(offers.claim(Environment.GPRD, "ddl_cleanup", START, START.plusSeconds(3600), Offer.Kind.PROPOSED,
                    Offer.State.OPEN, List.of("20231107025611"))).as("the same window claimed again").isEmpty();

            assertThat(offers.decide(offer.id(), Offer.State.OPEN, Offer.State.SKIPPED, "rm", Optional.empty(), "skipped")).isTrue();
            assertThat(offers.decide(offer.id(), Offer.State.OPEN, Offer.State.CONFIRMED, "rm2", Optional.empty(), "confirmed"))
                    .as("a second answer").isFalse();
        }
        assertThat(counted).containsExactly("proposed", "skipped");
    }
}
