package pdmbot.triage;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pdmbot.chat.Reply;
import pdmbot.chat.Role;
import pdmbot.domain.Environment;
import pdmbot.domain.interaction.DialogueStore;
import pdmbot.storage.locks.LockOutcome;
import pdmbot.storage.locks.LockStore;
import pdmbot.storage.runs.RunState;
import pdmbot.storage.runs.RunStore;
import pdmbot.storage.triage.TriageStore;
import pdmbot.world.TriagePorts;

/**
 * One answer to a triage step: refused when the step was answered already (a button of a finished step), when the
 * triage is closed, or when a decision comes from someone who is not a release manager; otherwise recorded with who
 * and when (the version-conditional update makes one answer win across clicks and instances), then acted on.
 */
final class TriageAnswers {

    /** The canaries a "block deploys" locks: gstg and gprd stay locked by the failed run itself. */
    private static final List<Environment> DEPLOY_TARGETS = List.of(Environment.GSTG_CNY, Environment.GPRD_CNY);

    private final TriageService triage;
    private final TriagePorts ports;
    private final LockStore locks;
    private final RunStore runs;

    TriageAnswers(TriageService triage, TriagePorts ports, LockStore locks, RunStore runs) {
        this.triage = triage;
        this.ports = ports;
        this.locks = locks;
        this.runs = runs;
    }

    Reply answer(TriageStore.TriageRecord t, TriageStep step, String value, String who, Role role) {
        if (step.isDecision() && role != Role.RELEASE_MANAGER)
            return Reply.refused("Only release managers answer \"" + step.question() + "\" in a triage; you may request support.");
        if (!step.accepts(value))
            return Reply.refused("\"" + value + "\" is not an answer to \"" + step.question() + "\"; it takes "
                    + String.join(", ", step.answers()).replace("*", "a value") + ".");
        DialogueStore.Dialogue d = triage.dialogues().find(t.dialogueId()).orElseThrow();
        TriageState state = TriageState.fromJson(d.state());
        if (!d.isOpen() || state.isClosed())
            return Reply.refused("The triage of run #" + t.runId() + " is closed (" + state.closedBecause() + "); nothing was changed.");
        Optional<TriageState.Answer> earlier = state.answerTo(step);
        if (step.isAnsweredOnce() && earlier.isPresent()) return alreadyAnswered(step, earlier.get());
        if (step == TriageStep.CLOSE) return close(t, state, who);

        TriageState.Answer answer = new TriageState.Answer(step.id(), value, who, triage.now(), "");
        DialogueStore.Advance claimed = triage.dialogues().answer(d.id(), d.version(), step.id(), state.with(answer).toJson());
        if (claimed instanceof DialogueStore.Stale stale) {
            Optional<TriageState.Answer> winner = TriageState.fromJson(stale.current().state()).answerTo(step);
            if (winner.isPresent() && step.isAnsweredOnce()) return alreadyAnswered(step, winner.get());
            return Reply.refused("Someone answered the triage at the same moment; look at the summary and answer again.");
        }
        if (!(claimed instanceof DialogueStore.Advanced advanced))
            return Reply.refused("The triage of run #" + t.runId() + " is closed; nothing was changed.");
        // the answer is recorded before its effect: an incident or a lock is made at most once, never twice
        TriageState after = TriageState.fromJson(advanced.dialogue().state());
        Acted acted = act(t, step, value, after, who);
        TriageState done = replaceOutcome(acted.state(), step, acted.outcome());
        DialogueStore.Advance saved = triage.dialogues().answer(d.id(), advanced.dialogue().version(), step.id(), done.toJson());
        TriageState shown = saved instanceof DialogueStore.Advanced ? done : after;
        triage.announce(t.runId(), t.dialogueId(), TriageSummary.of(shown, triage.settings()));
        if (step == TriageStep.HAND_OVER)
            triage.announceOnce(t.runId(), Reply.builder().text("Hand-over of the triage of PDM run #" + t.runId() + " from " + who
                    + " to " + value + ": " + acted.outcome().replaceFirst("^Handed over to [^:]*: ", "")).build());
        triage.record(who, "triage answer " + step.id() + " " + value, "answered", acted.outcome());
        return Reply.builder().text(step.question() + " — " + value + ", recorded for " + who + " at " + answer.at() + ". "
                + acted.outcome()).build();
    }

    private record Acted(TriageState state, String outcome) {
    }

    private Acted act(TriageStore.TriageRecord t, TriageStep step, String value, TriageState state, String who) {
        TriageFacts f = state.facts();
        return switch (step) {
            case SUPPORT -> new Acted(state, "Support requested: " + triage.settings().onCall() + " (on call) and "
                    + triage.settings().devEscalation() + " (dev escalation), with the author " + f.author()
                    + " and the database reviewer " + f.databaseReviewer() + ".");
            case RETRY -> new Acted(state, value.equals("yes") ? "A retry is considered safe: `pdm retry " + t.runId() + "` after the cleanup the suggestion names."
                    : value.equals("no") ? "No retry until the migration is fixed: take the mitigation path."
                    : "Ask the author and the database reviewer; the suggestion was: " + f.retrySafety() + ".");
            case BLOCK -> value.equals("yes") ? block(t, state, who) : new Acted(state, "Deploys go on.");
            case MITIGATION -> new Acted(state, value.equals("ddl")
                    ? "DDL path: make `" + f.version() + "` a no-op in a merge request, deploy it to every environment, then `pdm retry " + t.runId() + "`."
                    : "DML path: a change request to mark it complete (`migrations mark " + f.version() + " --database "
                    + TriageSummary.firstDatabase(f) + " --env " + t.environment() + "`), another to clean up the data, and a follow-up issue on self-managed safety; then `pdm retry " + t.runId() + "`.");
            case INCIDENT -> incident(t, state, Integer.parseInt(value));
            case HAND_OVER -> new Acted(state.withHandedTo(value), "Handed over to " + value + ": " + handOver(t, state, value));
            case SNOOZE -> snooze(state, value);
            case CLOSE -> throw new IllegalStateException("close is answered by close()");
        };
    }

    private Acted block(TriageStore.TriageRecord t, TriageState state, String who) {
        List<String> locked = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (Environment e : DEPLOY_TARGETS) {
            LockOutcome outcome = locks.lock(e, "triage of pdm run #" + t.runId() + " (" + who + ")",
                    "deploys blocked while `" + state.failure() + "` is triaged", null);
            if (outcome instanceof LockOutcome.Locked) locked.add(e.id());
            else already.add(e.id());
        }
        return new Acted(state.withLocked(locked), "Deploys blocked: " + (locked.isEmpty() ? "nothing newly locked" : "locked "
                + String.join(" and ", locked)) + (already.isEmpty() ? "" : "; already locked: " + String.join(", ", already))
                + "; gstg and gprd stay locked by the run. Closing the triage unlocks what it locked.");
    }

    private Acted incident(TriageStore.TriageRecord t, TriageState state, int severity) {
        TriageFacts f = state.facts();
        String title = "Post-deploy migration " + f.version() + " failed on db/" + t.environment() + " (PDM run #" + t.runId() + ")";
        String body = "The post-deploy migration `" + f.version() + "` " + f.className() + " failed on db/" + t.environment()
                + ".\n\n- file: `" + f.file() + "`\n- error: " + TriageSummary.tail(f.error()) + "\n- job: " + f.jobUrl()
                + "\n- nature: " + f.nature() + "\n- package: " + f.packageVersion() + "\n- merge request: " + f.mergeRequest()
                + " " + f.mergeRequestUrl() + "\n- author: " + f.author() + "\n- database reviewer: " + f.databaseReviewer()
                + "\n- retry: " + f.retrySafety() + " — " + f.retryAdvice() + "\n- rollback line: " + f.rollbackLine()
                + "\n\nOpened by pdm-bot's triage of PDM run #" + t.runId() + ".";
        TriagePorts.OpenedIncident opened = ports.tracker().open(title, body, severity);
        return new Acted(state.withIncident((opened.reference() + " " + opened.url()).trim()), "Incident " + opened.reference()
                + " opened (severity::" + severity + ")" + (opened.url().isBlank() ? "" : ": " + opened.url())
                + (severity <= 2 ? ". A severity 1–2 incident stops `pdm retry` until it is mitigated." : "."));
    }

    private String handOver(TriageStore.TriageRecord t, TriageState state, String to) {
        List<String> open = new ArrayList<>();
        for (TriageStep s : TriageStep.values())
            if (s.isAnsweredOnce() && s != TriageStep.HAND_OVER && state.answerTo(s).isEmpty()) open.add(s.question());
        return "run #" + t.runId() + " stays failed at " + state.stepId() + "; still open: "
                + (open.isEmpty() ? "nothing" : String.join(", ", open)) + (state.incident().isBlank() ? "" : "; incident " + state.incident()) + ".";
    }

    private Acted snooze(TriageState state, String minutes) {
        long m;
        try {
            m = Long.parseLong(minutes);
        } catch (NumberFormatException e) {
            m = triage.settings().snooze().toMinutes();
        }
        if (m <= 0 || m > 24 * 60) m = triage.settings().snooze().toMinutes();
        String at = triage.clock().instant().plus(Duration.ofMinutes(m)).truncatedTo(ChronoUnit.SECONDS).toString();
        return new Acted(state.withRemindAt(at), "Reminders snoozed for " + m + " min (next at " + at.replace("T", " ").replace("Z", " UTC") + ").");
    }

    private Reply close(TriageStore.TriageRecord t, TriageState state, String who) {
        boolean succeeded = runs.run(t.runId()).map(r -> r.state() == RunState.SUCCEEDED).orElse(false);
        boolean marked = triage.store().marks().stream()
                .anyMatch(m -> m.version().equals(t.failure()) && m.environment().equals(t.environment()));
        if (!succeeded && !marked)
            return Reply.refused("The triage closes when run #" + t.runId() + " has been retried successfully or `" + t.failure()
                    + "` has been marked (`migrations mark`); neither has happened yet.");
        String because = succeeded ? "run #" + t.runId() + " succeeded" : "`" + t.failure() + "` was marked executed";
        Optional<TriageState> closed = triage.close(t, because + " (closed by " + who + ")", who);
        return closed.isPresent() ? Reply.ok("The triage of run #" + t.runId() + " is closed: " + because + ".")
                : Reply.refused("The triage of run #" + t.runId() + " was already closed.");
    }

    private static Reply alreadyAnswered(TriageStep step, TriageState.Answer earlier) {
        return Reply.refused("\"" + step.question() + "\" was already answered (" + earlier.value() + ") by " + earlier.by()
                + " at " + earlier.at() + "; this button belongs to a finished step and did nothing.");
    }

    private static TriageState replaceOutcome(TriageState state, TriageStep step, String outcome) {
        List<TriageState.Answer> answers = new ArrayList<>(state.answers());
        for (int i = answers.size() - 1; i >= 0; i--) {
            TriageState.Answer a = answers.get(i);
            if (a.step().equals(step.id())) {
                answers.set(i, new TriageState.Answer(a.step(), a.value(), a.by(), a.at(), outcome));
                break;
            }
        }
        return new TriageState(state.runId(), state.environment(), state.failure(), state.stepId(), state.facts(), answers,
                state.incident(), state.handedTo(), state.lockedByTriage(), state.remindAt(), state.closedBecause());
    }
}
