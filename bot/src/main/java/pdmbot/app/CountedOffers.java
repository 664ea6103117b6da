package pdmbot.app;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.storage.schedule.Offer;
import pdmbot.storage.schedule.OfferStore;
import pdmbot.telemetry.ScheduleProposals;

/**
 * The scheduler's offers, each claim and each decision counted once by what came of it
 * ({@code pdm_schedule_proposals_total{outcome="proposed|auto|missed|confirmed|skipped|started|refused|expired"}}):
 * only the caller that won the claim or the move counts it, so several instances count each outcome once.
 */
final class CountedOffers implements OfferStore {

    private final OfferStore offers;
    private final ScheduleProposals counted;

    CountedOffers(OfferStore offers, ScheduleProposals counted) {
        this.offers = offers;
        this.counted = counted;
    }

    @Override
    public Optional<Offer> claim(Environment environment, String nature, Instant windowStart, Instant windowEnd, Offer.Kind kind,
                                 Offer.State state, List<String> versions) {
        Optional<Offer> claimed = offers.claim(environment, nature, windowStart, windowEnd, kind, state, versions);
        claimed.ifPresent(o -> counted.counted(kind.name().toLowerCase(Locale.ROOT)));
        return claimed;
    }

    @Override
    public void attachDialogue(long id, String dialogueId) {
        offers.attachDialogue(id, dialogueId);
    }

    @Override
    public Optional<Offer> find(long id) {
        return offers.find(id);
    }

    @Override
    public boolean decide(long id, Offer.State from, Offer.State to, String by, Optional<Long> runId, String outcome) {
        boolean moved = offers.decide(id, from, to, by, runId, outcome);
        if (moved) counted.counted(to.name().toLowerCase(Locale.ROOT));
        return moved;
    }

    @Override
    public List<Offer> openEndedBy(Instant now) {
        return offers.openEndedBy(now);
    }

    @Override
    public List<Offer> all() {
        return offers.all();
    }
}
