package pdmbot.storage.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pdmbot.domain.Environment;
import pdmbot.storage.Database;
import pdmbot.storage.testing.Race;
import pdmbot.storage.testing.StoreContract;

/** What every OfferStore does, on H2 and on PostgreSQL. */
abstract class OfferStoreContract extends StoreContract {

    static final Instant SATURDAY_2AM = Instant.parse("2026-12-05T02:00:00Z");
    static final Instant SATURDAY_6AM = Instant.parse("2026-12-05T06:00:00Z");

    private OfferStore offers() {
        return stores().offers();
    }

    @BeforeEach
    void noOffers() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM schedule_offers");
        }
    }

    private Optional<Offer> claim(OfferStore store) {
        return store.claim(Environment.GPRD, "ddl_cleanup", SATURDAY_2AM, SATURDAY_6AM, Offer.Kind.PROPOSED,
                Offer.State.OPEN, List.of("20231107025611", "20231108000000"));
    }

    @Test
    void a_window_claimed_is_kept_with_its_migrations() {
        Offer offer = claim(offers()).orElseThrow();

        assertThat(offers().find(offer.id())).contains(offer);
        assertThat(offer.versions()).containsExactly("20231107025611", "20231108000000");
        assertThat(offer.isOpen()).isTrue();
        assertThat(offer.createdAt()).isEqualTo(START);
    }

    @Test
    void a_window_is_claimed_once() {
        claim(offers());

        assertThat(claim(offers())).isEmpty();
        assertThat(offers().all()).hasSize(1);
    }

    @Test
    void a_window_given_again_as_starting_later_because_it_is_open_is_the_same_window() {
        claim(offers());

        assertThat(offers().claim(Environment.GPRD, "ddl_cleanup", SATURDAY_2AM.plusSeconds(3600), SATURDAY_6AM,
                Offer.Kind.PROPOSED, Offer.State.OPEN, List.of("20231107025611"))).isEmpty();
    }

    @Test
    void two_instances_claiming_the_same_window_at_once_get_one_offer() throws Exception {
        try (Database other = anotherInstance()) {
            OfferStore theirs = other.stores().offers();

            List<Boolean> won = Race.run(() -> claim(offers()).isPresent(), () -> claim(theirs).isPresent());

            assertThat(won).containsExactlyInAnyOrder(true, false);
            assertThat(offers().all()).hasSize(1);
        }
    }

    @Test
    void an_offer_is_decided_once() {
        Offer offer = claim(offers()).orElseThrow();
        clock.advance(Duration.ofMinutes(5));

        assertThat(offers().decide(offer.id(), Offer.State.OPEN, Offer.State.SKIPPED, "alice", Optional.empty(), "skipped")).isTrue();
        assertThat(offers().decide(offer.id(), Offer.State.OPEN, Offer.State.CONFIRMED, "bob", Optional.of(7L), "run #7")).isFalse();

        Offer decided = offers().find(offer.id()).orElseThrow();
        assertThat(decided.state()).isEqualTo(Offer.State.SKIPPED);
        assertThat(decided.decidedBy()).contains("alice");
        assertThat(decided.decidedAt()).contains(START.plus(Duration.ofMinutes(5)));
        assertThat(decided.runId()).isEmpty();
    }

    @Test
    void open_offers_whose_window_ended_are_listed_for_expiry() {
        Offer offer = claim(offers()).orElseThrow();
        offers().attachDialogue(offer.id(), "d1");

        assertThat(offers().openEndedBy(SATURDAY_6AM.minusSeconds(1))).isEmpty();
        assertThat(offers().openEndedBy(SATURDAY_6AM)).extracting(Offer::dialogueId).containsExactly(Optional.of("d1"));
    }
}
