package pdmbot.storage.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import pdmbot.domain.Environment;

/** The offers of scheduled runs: one per (environment, nature, window end), decided once. */
public interface OfferStore {

    /**
     * Claims the window for an offer of {@code kind} in {@code state}: the new offer for exactly one caller, even
     * across instances racing; empty when the window was claimed before.
     */
    Optional<Offer> claim(Environment environment, String nature, Instant windowStart, Instant windowEnd, Offer.Kind kind,
                          Offer.State state, List<String> versions);

    /** Remembers the dialogue that carries a proposal's buttons. */
    void attachDialogue(long id, String dialogueId);

    Optional<Offer> find(long id);

    /**
     * Moves an offer from {@code from} to {@code to}, recording who and what came of it; true for exactly one caller
     * (a conditional update: a second click, or another instance, finds it moved already).
     */
    boolean decide(long id, Offer.State from, Offer.State to, String by, Optional<Long> runId, String outcome);

    /** The open offers whose window ended at or before {@code now}. */
    List<Offer> openEndedBy(Instant now);

    /** Every offer, newest window first. */
    List<Offer> all();
}
