package pdmbot.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.chat.Announcements;
import pdmbot.chat.Block;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.chat.interaction.Dialogues;
import pdmbot.decide.GroupWindow;
import pdmbot.decide.PendingGroup;
import pdmbot.decide.RunWindows;
import pdmbot.domain.interaction.DialogueStore;
import pdmbot.storage.schedule.Offer;
import pdmbot.storage.schedule.OfferStore;
import pdmbot.world.PendingMigration;

/**
 * What the bot does at a group's window: proposes it (Confirm / Skip for release managers, state in the store and a
 * dialogue), runs it without a click ({@code auto}), or says the window passed while no instance ran. Each window is
 * claimed once in the store, so instances racing, a restart or a task run twice never propose twice; nothing runs
 * late: a window that ended is reported, and the group is offered again at its next window.
 */
public final class Proposals {

    static final String DIALOGUE = "schedule-proposal";
    static final String BY_SCHEDULE = "pdm-bot (schedule)";
    private static final Logger log = LoggerFactory.getLogger(Proposals.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OTHER_DAY = DateTimeFormatter.ofPattern("EEE HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final RunWindows windows;
    private final OfferStore offers;
    private final Dialogues dialogues;
    private final GroupRuns runs;
    private final Announcements announcements;
    private final ScheduleSettings settings;
    private final Clock clock;

    public Proposals(RunWindows windows, OfferStore offers, Dialogues dialogues, GroupRuns runs, Announcements announcements,
                     ScheduleSettings settings, Clock clock) {
        this.windows = windows;
        this.offers = offers;
        this.dialogues = dialogues;
        this.runs = runs;
        this.announcements = announcements;
        this.settings = settings;
        this.clock = clock;
    }

    public ScheduleSettings settings() {
        return settings;
    }

    /** The windows of every pending group in the lookahead, to be scheduled. */
    public List<WindowKey> upcoming() {
        Instant now = clock.instant();
        List<WindowKey> keys = new ArrayList<>();
        for (GroupWindow g : windows.windows(now, now.plus(settings.lookahead())))
            g.window().ifPresent(w -> keys.add(WindowKey.of(g.group().environment(), g.group().nature(), w)));
        return keys;
    }

    /** At (or after) a window's start: the offer, once; or the report that the window passed. */
    public Optional<Offer> atWindow(WindowKey key) {
        Instant now = clock.instant();
        if (!now.isBefore(key.end())) return missed(key);
        if (now.isBefore(key.start())) return Optional.empty();
        Optional<PendingGroup> group = groupNow(key, now);
        if (group.isEmpty()) {
            log.info("the {} window on {} at {} opened with nothing of that nature pending there", key.nature(),
                    key.environment(), key.start());
            return Optional.empty();
        }
        List<String> versions = group.get().migrations().stream().map(m -> m.migration().version()).distinct().sorted().toList();
        boolean auto = settings.runsWithoutClick(key.nature());
        Optional<Offer> claimed = offers.claim(key.environment(), key.nature(), key.start(), key.end(),
                auto ? Offer.Kind.AUTO : Offer.Kind.PROPOSED, Offer.State.OPEN, versions);
        if (claimed.isEmpty()) return Optional.empty();
        Offer offer = claimed.get();
        if (auto) return Optional.of(runWithoutClick(offer, group.get()));
        DialogueStore.Start started = dialogues.open(DIALOGUE, subject(offer.id()), asker(), "proposed", "{\"offer\":" + offer.id() + "}");
        String dialogue = started instanceof DialogueStore.Started s ? s.dialogue().id()
                : ((DialogueStore.AlreadyOpen) started).dialogue().id();
        offers.attachDialogue(offer.id(), dialogue);
        announcements.propose(topic(offer.id()), proposal(offer, group.get()));
        return offers.find(offer.id());
    }

    /** The group as the decisions see it now, if its window is open now. */
    private Optional<PendingGroup> groupNow(WindowKey key, Instant now) {
        for (GroupWindow g : windows.windows(now, key.end()))
            if (g.group().environment() == key.environment() && g.group().nature().equals(key.nature())
                    && g.window().map(w -> w.contains(now)).orElse(false) && !g.group().migrations().isEmpty())
                return Optional.of(g.group());
        return Optional.empty();
    }

    private Optional<Offer> missed(WindowKey key) {
        Optional<Offer> claimed = offers.claim(key.environment(), key.nature(), key.start(), key.end(), Offer.Kind.MISSED,
                Offer.State.MISSED, List.of());
        claimed.ifPresent(o -> announcements.announce(topic(o.id()), Reply.builder()
                .text("The " + key.nature() + " window on " + key.environment().databaseEnvironment() + " (" + span(key.start(), key.end())
                        + ") passed while no pdm-bot instance was running: nothing ran, and nothing runs late. The group is"
                        + " proposed again at its next window (`pdm schedule` shows it).")
                .build()));
        return claimed;
    }

    private Offer runWithoutClick(Offer offer, PendingGroup group) {
        GroupRuns.Start start = runs.start(group, BY_SCHEDULE);
        String what = describe(offer);
        if (start instanceof GroupRuns.Started s) {
            offers.decide(offer.id(), Offer.State.OPEN, Offer.State.STARTED, BY_SCHEDULE, Optional.of(s.runId()), s.scope());
            announcements.announce(topic(offer.id()), Reply.ok("Scheduled run (auto): " + what + " — started as PDM run #"
                    + s.runId() + " with its production checks; " + s.scope() + ". `pdm run " + s.runId() + "` follows it."));
        } else if (start instanceof GroupRuns.Refused r) {
            offers.decide(offer.id(), Offer.State.OPEN, Offer.State.REFUSED, BY_SCHEDULE, Optional.empty(), r.reason());
            announcements.announce(topic(offer.id()), Reply.ok("Scheduled run (auto): " + what + " — not started: " + r.reason()
                    + ". Proposed again at the next window."));
        }
        return offers.find(offer.id()).orElseThrow();
    }

    private Reply proposal(Offer offer, PendingGroup group) {
        List<String> items = new ArrayList<>();
        for (PendingMigration m : group.migrations())
            items.add("`" + m.migration().version() + "` " + m.migration().name() + " (" + m.database() + ")");
        return Reply.builder()
                .heading("Proposed: " + describe(offer))
                .text("The window is open until " + OTHER_DAY.format(offer.windowEnd()) + ". A release manager confirms (the run"
                        + " starts with its production checks) or skips (proposed again at the next window); without an"
                        + " answer it is proposed again at the next window.")
                .bullets(items)
                .buttons(List.of(new Block.Button("Confirm", ProposalConfirmCommand.WORDS + " " + offer.id(), Block.Button.Style.PRIMARY, null),
                        new Block.Button("Skip", ProposalSkipCommand.WORDS + " " + offer.id(), Block.Button.Style.DEFAULT, null)))
                .note("Or type `" + ProposalConfirmCommand.WORDS + " " + offer.id() + "` / `" + ProposalSkipCommand.WORDS + " "
                        + offer.id() + "`. Proposal " + offer.id() + ".")
                .build();
    }

    /** {@code 3 ddl_cleanup migrations on db/gprd in the window Sat 2026-12-05 02:00–06:00 UTC}. */
    static String describe(Offer offer) {
        int n = offer.versions().size();
        return n + " " + offer.nature() + " migration" + (n == 1 ? "" : "s") + " on " + offer.environment().databaseEnvironment()
                + " in the window " + span(offer.windowStart(), offer.windowEnd());
    }

    static String span(Instant start, Instant end) {
        boolean sameDay = start.truncatedTo(java.time.temporal.ChronoUnit.DAYS).equals(end.truncatedTo(java.time.temporal.ChronoUnit.DAYS));
        return WHEN.format(start) + "–" + (sameDay ? UNTIL : OTHER_DAY).format(end);
    }

    /** Confirms proposal {@code id}: one answer wins; the run starts with the checks of this moment. */
    public Reply confirm(long id, String by) {
        Optional<Offer> found = answerable(id);
        if (found.isEmpty()) return refusedFor(id);
        Offer offer = found.get();
        if (!offers.decide(id, Offer.State.OPEN, Offer.State.CONFIRMED, by, Optional.empty(), "confirmed"))
            return refusedFor(id);
        closeDialogue(offer, "confirmed by " + by);
        Instant now = clock.instant();
        Optional<PendingGroup> group = groupNow(new WindowKey(offer.environment(), offer.nature(), offer.windowStart(),
                offer.windowEnd()), now);
        if (group.isEmpty()) {
            offers.decide(id, Offer.State.CONFIRMED, Offer.State.REFUSED, by, Optional.empty(), "nothing of it is pending any more");
            return Reply.refused("Proposal " + id + " was confirmed, but nothing of " + describe(offer)
                    + " is pending any more (or its window closed for the decisions): nothing ran.");
        }
        GroupRuns.Start start = runs.start(group.get(), by);
        if (start instanceof GroupRuns.Started s) {
            offers.decide(id, Offer.State.CONFIRMED, Offer.State.STARTED, by, Optional.of(s.runId()), s.scope());
            announcements.announce(topic(id), Reply.ok("Proposal " + id + " confirmed by " + by + ": PDM run #" + s.runId()
                    + " started (" + s.scope() + ")."));
            return Reply.ok("Confirmed: PDM run #" + s.runId() + " started for " + describe(offer) + " (" + s.scope()
                    + "). `pdm run " + s.runId() + "` shows where it is.");
        }
        String reason = ((GroupRuns.Refused) start).reason();
        offers.decide(id, Offer.State.CONFIRMED, Offer.State.REFUSED, by, Optional.empty(), reason);
        announcements.announce(topic(id), Reply.ok("Proposal " + id + " confirmed by " + by + ", but the run did not start: "
                + reason + ". Proposed again at the next window."));
        return Reply.refused("Confirmed, but the run did not start: " + reason + ". Proposed again at the next window.");
    }

    /** Skips proposal {@code id}: the group is proposed again at its next window. */
    public Reply skip(long id, String by) {
        Optional<Offer> found = answerable(id);
        if (found.isEmpty()) return refusedFor(id);
        if (!offers.decide(id, Offer.State.OPEN, Offer.State.SKIPPED, by, Optional.empty(), "skipped"))
            return refusedFor(id);
        closeDialogue(found.get(), "skipped by " + by);
        announcements.announce(topic(id), Reply.ok("Proposal " + id + " skipped by " + by + "; proposed again at the next window."));
        return Reply.ok("Skipped " + describe(found.get()) + ". It is proposed again at its next window.");
    }

    /** The open proposal {@code id} whose window has not ended; one that ended is expired on the way. */
    private Optional<Offer> answerable(long id) {
        Optional<Offer> offer = offers.find(id).filter(o -> o.kind() == Offer.Kind.PROPOSED && o.isOpen());
        if (offer.isPresent() && !clock.instant().isBefore(offer.get().windowEnd())) {
            expire(offer.get());
            return Optional.empty();
        }
        return offer;
    }

    private Reply refusedFor(long id) {
        Optional<Offer> offer = offers.find(id);
        if (offer.isEmpty() || offer.get().kind() != Offer.Kind.PROPOSED)
            return Reply.refused("There is no proposal " + id + ". Proposals are posted in the announcements channel when a"
                    + " group's window opens (`schedule.mode: propose`).");
        Offer o = offer.get();
        String who = o.decidedBy().map(b -> " by " + b).orElse("");
        return switchState(o, who);
    }

    private static Reply switchState(Offer o, String who) {
        String state = o.state().name().toLowerCase(Locale.ROOT);
        if (o.state() == Offer.State.EXPIRED)
            return Reply.refused("Proposal " + o.id() + " expired: its window ended at " + OTHER_DAY.format(o.windowEnd())
                    + " without an answer. It is proposed again at the next window.");
        return Reply.refused("Proposal " + o.id() + " was already answered: " + state + who
                + o.runId().map(r -> " (PDM run #" + r + ")").orElse("") + ". Nothing ran twice.");
    }

    /** Closes the proposals whose window ended without an answer; each is proposed again at the group's next window. */
    public int expireEnded() {
        int expired = 0;
        for (Offer offer : offers.openEndedBy(clock.instant())) if (offer.kind() == Offer.Kind.PROPOSED && expire(offer)) expired++;
        return expired;
    }

    private boolean expire(Offer offer) {
        if (!offers.decide(offer.id(), Offer.State.OPEN, Offer.State.EXPIRED, BY_SCHEDULE, Optional.empty(), "no answer in the window"))
            return false;
        closeDialogue(offer, "expired");
        announcements.announce(topic(offer.id()), Reply.ok("Proposal " + offer.id() + " expired without an answer: "
                + describe(offer) + " ended. Proposed again at the next window."));
        return true;
    }

    private void closeDialogue(Offer offer, String how) {
        Optional<String> id = offer.dialogueId().or(() -> offers.find(offer.id()).flatMap(Offer::dialogueId));
        id.flatMap(dialogues::find).filter(DialogueStore.Dialogue::isOpen)
                .ifPresent(d -> dialogues.finish(d.id(), d.version(), how));
    }

    static String subject(long offerId) {
        return "offer " + offerId;
    }

    static String topic(long offerId) {
        return "schedule/" + offerId;
    }

    private ChatRequest asker() {
        return new ChatRequest("schedule", "pdm-bot", "pdm-bot", "announcements", null, "", "", clock.instant());
    }
}
