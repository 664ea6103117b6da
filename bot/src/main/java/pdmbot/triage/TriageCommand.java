package pdmbot.triage;

import java.util.List;
import java.util.Optional;
import pdmbot.chat.Command;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.chat.UsageException;
import pdmbot.domain.Environment;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunStore;
import pdmbot.storage.runs.StepRecord;
import pdmbot.storage.runs.StepState;
import pdmbot.storage.triage.TriageStore;

/**
 * {@code triage [run <id> | <migration>]}: starts or resumes the triage of a failed run (the active one by default)
 * and shows its live summary; {@code triage answer <run> <step> [value]} answers one of its steps.
 */
public final class TriageCommand {

    private final TriageService triage;
    private final TriageAnswers answers;
    private final RunStore runs;

    TriageCommand(TriageService triage, TriageAnswers answers, RunStore runs) {
        this.triage = triage;
        this.answers = answers;
        this.runs = runs;
    }

    List<Command> commands() {
        return List.of(
                CommandSpec.command("triage")
                        .description("Starts or resumes the triage of a failed PDM run: what failed, where it came from, is a retry safe, block deploys, mitigation, incident, hand-over.")
                        .rest("target", "`run <id>` or a migration (version, class or file); the active failed run when left out")
                        .exampleRefused("triage", "on a fresh demo world: no run has failed yet")
                        .exampleRefused("triage run 1", "on a fresh demo world: there is no run #1")
                        .handledBy(this::start),
                CommandSpec.command("triage answer")
                        .description("Answers a step of a run's triage (what the triage's buttons type); decisions are for release managers.")
                        .argument("run", "the run number")
                        .argument("step", "one of " + TriageStep.ids())
                        .optionalArgument("value", "the answer: yes, no, dont-know, ddl, dml, a severity 2–4, a person, minutes")
                        .option("migration", "version", "which failed migration, when the run has several triages")
                        .exampleRefused("triage answer 1 retry yes", "on a fresh demo world: run #1 has no triage")
                        .handledBy(this::answer));
    }

    private Reply start(Invocation invocation) {
        String target = invocation.rest("target").trim();
        Optional<RunRecord> run;
        Optional<String> migration = Optional.empty();
        if (target.isEmpty()) {
            run = runs.active();
            if (run.isEmpty() || run.get().state() != pdmbot.storage.runs.RunState.FAILED)
                return Reply.refused("No PDM run has failed: nothing to triage. `triage run <id>` or `triage <migration>` names one.");
        } else if (target.startsWith("run ") || target.startsWith("#")) {
            long id = runId(target.replaceFirst("^run\\s+", ""));
            run = runs.run(id);
            if (run.isEmpty()) return Reply.refused("There is no run #" + id + "; `pdm runs` lists them.");
        } else {
            Optional<TriageStore.TriageRecord> known = triage.store().newestFor(target);
            if (known.isPresent()) run = runs.run(known.get().runId());
            else run = runs.active();
            migration = Optional.of(target);
            if (run.isEmpty()) return Reply.refused("No run has failed on `" + target + "`: nothing to triage.");
        }
        long id = run.get().id();
        Optional<StepRecord> failed = runs.steps(id).stream().filter(s -> s.state() == StepState.FAILED).findFirst();
        if (failed.isEmpty()) {
            List<TriageStore.TriageRecord> earlier = triage.store().ofRun(id);
            if (!earlier.isEmpty()) return resumedReply(triage.start(id, Environment.byId(earlier.get(0).environment()).orElseThrow(),
                    earlier.get(0).failure(), Optional.of(earlier.get(0).failure()), "", "", invocation.request()));
            return Reply.refused("Run #" + id + " is " + run.get().state().id() + " and no step of it failed: nothing to triage.");
        }
        StepRecord step = failed.get();
        Optional<Environment> environment = Environment.byId(step.target());
        if (environment.isEmpty()) return Reply.refused("Run #" + id + " failed at " + step.name() + ", which acts on no environment: nothing to triage.");
        Optional<String> version = migration.isPresent() ? migration : versionIn(step.outcome());
        if (migration.isPresent() && !step.outcome().contains(migration.get()))
            return Reply.refused("Run #" + id + " failed at " + step.name() + ", not on `" + migration.get() + "`: `triage run " + id + "` triages what failed.");
        return resumedReply(triage.start(id, environment.get(), step.name(), version, step.outcome(), "", invocation.request()));
    }

    private static Reply resumedReply(TriageService.Start start) {
        if (start instanceof TriageService.Started s) return s.summary();
        if (start instanceof TriageService.Resumed r) {
            Reply.Builder reply = Reply.builder(r.summary().outcome()).text("This failure already has its triage; here it is, as it stands.");
            r.summary().blocks().forEach(reply::block);
            return reply.build();
        }
        if (start instanceof TriageService.NoFailure n) return Reply.refused(n.why());
        throw new IllegalStateException("a triage start that is none of its permitted cases: " + start);
    }

    /** The migration version a failed step's outcome names first ({@code `20231107025611` … failed on db/gstg}). */
    static Optional<String> versionIn(String outcome) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`(\\d{14})`").matcher(outcome == null ? "" : outcome);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private Reply answer(Invocation invocation) {
        long id = runId(invocation.argument("run"));
        TriageStep step = TriageStep.byId(invocation.argument("step")).orElseThrow(() -> new UsageException("\""
                + invocation.argument("step") + "\" is not a triage step; the steps are " + TriageStep.ids()));
        String value = invocation.optional("value").orElse(step == TriageStep.CLOSE ? "done" : step == TriageStep.SUPPORT ? "request" : "");
        List<TriageStore.TriageRecord> of = triage.store().ofRun(id);
        Optional<String> migration = invocation.option("migration");
        if (migration.isPresent()) of = of.stream().filter(t -> t.failure().equals(migration.get())).toList();
        if (of.isEmpty()) return Reply.refused("Run #" + id + " has no triage" + migration.map(m -> " of `" + m + "`").orElse("")
                + "; `triage run " + id + "` starts one.");
        if (of.size() > 1) return Reply.refused("Run #" + id + " has " + of.size() + " triages; name one with --migration ("
                + String.join(", ", of.stream().map(TriageStore.TriageRecord::failure).toList()) + ").");
        return answers.answer(of.get(0), step, value, invocation.caller(), invocation.role());
    }

    static long runId(String word) {
        String digits = word.trim().startsWith("#") ? word.trim().substring(1) : word.trim();
        try {
            long id = Long.parseLong(digits);
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("\"" + word + "\" is not a run number; `pdm runs` lists them");
    }
}
