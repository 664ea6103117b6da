package pdmbot.triage;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.chat.Announcements;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.chat.interaction.Dialogues;
import pdmbot.domain.Environment;
import pdmbot.domain.interaction.DialogueStore;
import pdmbot.run.RunFailed;
import pdmbot.run.RunListener;
import pdmbot.storage.audit.AuditEntry;
import pdmbot.storage.audit.AuditLog;
import pdmbot.storage.locks.LockStore;
import pdmbot.storage.triage.TriageStore;

/**
 * Failure triage: a dialogue bound to one failed migration (or failed step) of one run, started when the step fails
 * or on demand, once per failure (the database decides), kept in the interaction core's {@link Dialogues}, its
 * summary announced in the run's thread and edited in place after every answer ({@link TriageAnswers}).
 */
public final class TriageService implements RunListener {

    static final String KIND = "triage";
    private static final Logger log = LoggerFactory.getLogger(TriageService.class);

    /** What asking for a triage gave. */
    public sealed interface Start permits Started, Resumed, NoFailure {
    }

    public record Started(String dialogueId, Reply summary) implements Start {
    }

    /** The failure already has its triage: here it is. */
    public record Resumed(String dialogueId, Reply summary) implements Start {
    }

    public record NoFailure(String why) implements Start {
    }

    private final TriageStore store;
    private final Dialogues dialogues;
    private final TriageFactsGatherer facts;
    private final Announcements announcements;
    private final AuditLog audit;
    private final TriageSettings settings;
    private final LockStore locks;
    private final Clock clock;

    TriageService(TriageStore store, Dialogues dialogues, TriageFactsGatherer facts, Announcements announcements, AuditLog audit,
                  TriageSettings settings, LockStore locks, Clock clock) {
        this.locks = locks;
        this.store = store;
        this.dialogues = dialogues;
        this.facts = facts;
        this.announcements = announcements;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    TriageStore store() {
        return store;
    }

    Dialogues dialogues() {
        return dialogues;
    }

    TriageSettings settings() {
        return settings;
    }

    Clock clock() {
        return clock;
    }

    /** The bot itself, as the asker of a triage it starts on a failure. */
    static ChatRequest bot(Instant at) {
        return new ChatRequest("bot", "pdm-bot", "pdm-bot", "", null, "triage", "", at);
    }

    /** Starts the triage of a failure by itself, in the run's thread, addressed to the release managers. */
    @Override
    public void runFailed(RunFailed failure) {
        if (failure.step().target().isEmpty()) return;
        try {
            start(failure.runId(), failure.step().target().get(), failure.step().id(), failure.migrationVersion(),
                    failure.error(), failure.jobUrl(), bot(clock.instant()));
        } catch (RuntimeException e) {
            log.error("could not start the triage of run {}", failure.runId(), e);
        }
    }

    /** A run retried successfully closes its open triages. */
    @Override
    public void runSucceeded(long runId) {
        for (TriageStore.TriageRecord t : store.ofRun(runId)) {
            try {
                close(t, "run #" + runId + " was retried and succeeded", "pdm-bot");
            } catch (RuntimeException e) {
                log.error("could not close the triage {} of run {}", t.dialogueId(), runId, e);
            }
        }
    }

    /** Starts the triage of this failure, or resumes the one it has (started here, on another instance, or earlier). */
    public Start start(long runId, Environment environment, String stepId, Optional<String> version, String error, String jobUrl,
                       ChatRequest askedBy) {
        String failure = version.orElse(stepId);
        String subject = "run-" + runId + "/" + environment.id() + "/" + failure;
        Optional<TriageStore.TriageRecord> known = store.ofRun(runId).stream()
                .filter(t -> t.environment().equals(environment.id()) && t.failure().equals(failure)).findFirst();
        if (known.isPresent()) return resumed(known.get());
        TriageFacts gathered = facts.gather(environment, version, error, jobUrl);
        String remindAt = clock.instant().plus(settings.remindAfter()).truncatedTo(ChronoUnit.SECONDS).toString();
        TriageState state = new TriageState(runId, environment.id(), failure, stepId, gathered, null, null, null, null,
                remindAt, null);
        DialogueStore.Start opened = dialogues.open(KIND, subject, askedBy, "open", state.toJson());
        DialogueStore.Dialogue dialogue = opened instanceof DialogueStore.Started s ? s.dialogue()
                : ((DialogueStore.AlreadyOpen) opened).dialogue();
        TriageStore.Claim claim = store.claim(new TriageStore.TriageRecord(runId, environment.id(), failure, dialogue.id(),
                askedBy.userName(), clock.instant()));
        if (claim instanceof TriageStore.Existing existing) {
            if (!existing.triage().dialogueId().equals(dialogue.id())) dialogues.finish(dialogue.id(), dialogue.version(), "duplicate");
            return resumed(existing.triage());
        }
        if (!(opened instanceof DialogueStore.Started)) return resumed(((TriageStore.Claimed) claim).triage());
        Reply summary = TriageSummary.of(TriageState.fromJson(dialogue.state()), settings);
        announcements.announce(topic(runId), Reply.builder()
                .text("Release managers: PDM run #" + runId + " failed at " + stepId + "; its triage starts here.").build());
        announcements.announceLive(topic(runId), liveKey(dialogue.id()), summary);
        record(askedBy.userName(), "triage start", "started", subject);
        return new Started(dialogue.id(), summary);
    }

    /** Whether some triage of run {@code runId} has an answer (the alert on a failed run without one reads this). */
    public boolean answered(long runId) {
        for (TriageStore.TriageRecord t : store.ofRun(runId)) {
            Optional<DialogueStore.Dialogue> d = dialogues.find(t.dialogueId());
            if (d.isPresent() && !TriageState.fromJson(d.get().state()).answers().isEmpty()) return true;
        }
        return false;
    }

    /** One line per open triage of run {@code runId}: its failure, environment, answers so far and the last one. */
    public List<String> openOn(long runId) {
        List<String> lines = new java.util.ArrayList<>();
        for (TriageStore.TriageRecord t : store.ofRun(runId)) {
            Optional<DialogueStore.Dialogue> d = dialogues.find(t.dialogueId());
            if (d.isEmpty() || !d.get().isOpen()) continue;
            TriageState state = TriageState.fromJson(d.get().state());
            String last = state.answers().isEmpty() ? "no answer yet"
                    : state.answers().size() + " answer(s), the last " + state.answers().get(state.answers().size() - 1).step()
                    + " = " + state.answers().get(state.answers().size() - 1).value() + " by "
                    + state.answers().get(state.answers().size() - 1).by();
            lines.add("Run #" + runId + " on " + t.environment() + ": " + t.failure() + " — started by " + t.startedBy()
                    + ", " + last + (state.incident().isBlank() ? "" : ", incident " + state.incident())
                    + (state.handedTo().isBlank() ? "" : ", handed to " + state.handedTo()));
        }
        return lines;
    }

    private Resumed resumed(TriageStore.TriageRecord t) {
        DialogueStore.Dialogue d = dialogues.find(t.dialogueId()).orElseThrow();
        return new Resumed(d.id(), TriageSummary.of(TriageState.fromJson(d.state()), settings));
    }

    /** Closes the triage (run succeeded, migration marked, or a release manager closed it); closed stays closed. */
    Optional<TriageState> close(TriageStore.TriageRecord t, String because, String by) {
        for (int tries = 0; tries < 5; tries++) {
            Optional<DialogueStore.Dialogue> d = dialogues.find(t.dialogueId());
            if (d.isEmpty() || !d.get().isOpen()) return Optional.empty();
            TriageState closed = TriageState.fromJson(d.get().state()).with(new TriageState.Answer("close", "done", by,
                    now(), because)).closed(because);
            DialogueStore.Advance a = dialogues.answer(d.get().id(), d.get().version(), "closed", closed.toJson());
            if (!(a instanceof DialogueStore.Advanced advanced)) continue;
            dialogues.finish(d.get().id(), advanced.dialogue().version(), "closed");
            for (String env : closed.lockedByTriage()) Environment.byId(env).ifPresent(locks::unlock);
            announcements.announceLive(topic(t.runId()), liveKey(t.dialogueId()), TriageSummary.of(closed, settings));
            record(by, "triage close", "closed", because);
            return Optional.of(closed);
        }
        return Optional.empty();
    }

    void record(String who, String command, String outcome, String detail) {
        try {
            audit.append(new AuditEntry(clock.instant(), "bot", "", who, who, "", command, outcome, detail, "", 0));
        } catch (RuntimeException e) {
            log.warn("could not write the audit entry for {}: {}", command, e.getMessage());
        }
    }

    void announce(long runId, String dialogueId, Reply summary) {
        announcements.announceLive(topic(runId), liveKey(dialogueId), summary);
    }

    /** A message of its own in the run's thread (a hand-over), not the live summary. */
    void announceOnce(long runId, Reply message) {
        announcements.announce(topic(runId), message);
    }

    String now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString().replace("T", " ").replace("Z", " UTC");
    }

    static String topic(long runId) {
        return "run-" + runId;
    }

    static String liveKey(String dialogueId) {
        return "triage-" + dialogueId;
    }
}
