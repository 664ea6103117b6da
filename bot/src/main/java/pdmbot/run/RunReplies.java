package pdmbot.run;

import java.util.ArrayList;
import java.util.List;
import pdmbot.chat.Block;
import pdmbot.chat.Reply;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.ledger.MigrationNatures;
import pdmbot.ledger.Times;
import pdmbot.rules.checks.CheckOutcome;
import pdmbot.rules.checks.CheckReport;
import pdmbot.storage.runs.RunRecord;

/** How run commands show checks, plans and runs, shared so that every command says it the same way. */
public final class RunReplies {

    private RunReplies() {
    }

    static String verdictWord(CheckOutcome outcome) {
        return switch (outcome.verdict()) {
            case PASS -> "pass";
            case WARN -> "WARNING";
            case CANCEL -> "CANCEL";
            case FAIL -> "FAIL";
        };
    }

    /** The reasons of the checks that stop a run, joined: "incident … is active; a deployment … is running on gprd". */
    static String stoppers(CheckReport report) {
        return String.join("; ", report.stoppers().stream().map(CheckOutcome::reason).toList());
    }

    /** The checks as stored with a run and written in the release note: one line per outcome. */
    static String checkLines(CheckReport report) {
        List<String> lines = new ArrayList<>();
        for (CheckOutcome o : report.outcomes()) lines.add(verdictWord(o) + " — " + o.check() + ": " + o.reason());
        return String.join("\n", lines);
    }

    static Reply.Builder checksTable(Reply.Builder reply, CheckReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (CheckOutcome o : report.outcomes()) rows.add(List.of(o.check(), verdictWord(o), o.reason()));
        return reply.table(List.of("check", "result", "reason"), rows);
    }

    /** What would run on each environment: one row per migration, with every database it is pending on. */
    static Reply.Builder planTable(Reply.Builder reply, PendingPlan plan, MigrationNatures natures) {
        List<List<String>> rows = new ArrayList<>();
        for (Environment environment : plan.environments())
            for (PendingPlan.Entry entry : plan.on(environment))
                rows.add(List.of(environment.databaseEnvironment(), entry.migration().version(), entry.migration().name(),
                        LogicalDatabase.format(entry.databases()), natures.of(entry.migration()).nature()));
        if (rows.isEmpty())
            return reply.text("Nothing is pending on " + String.join(" or ", plan.environments().stream().map(Environment::id).toList()) + ".");
        List<String> packages = new ArrayList<>();
        for (Environment environment : plan.environments())
            packages.add(environment + " runs " + plan.packageOn(environment).map(p -> "`" + p + "`").orElse("nothing"));
        return reply.text(String.join(", ", packages) + ".")
                .table(List.of("environment", "version", "migration", "databases", "nature"), rows);
    }

    static String describe(RunRecord run) {
        return "run #" + run.id() + " (" + run.state().id() + ", started by " + run.startedBy() + " at "
                + Times.utc(run.startedAt()) + ")";
    }

    /** Who drives a running run, or, when nobody does, how it goes on; never a run that only looks driven. */
    static String drivenBy(RunRecord run) {
        if (run.owner() != null)
            return "Driven by " + run.owner() + (run.heartbeatAt() == null ? "" : " (last heard of at " + Times.utc(run.heartbeatAt()) + ")") + ".";
        return "No instance drives it now (it was handed over): a serving bot with `run.on-unfinished: resume` takes it up,"
                + " or `pdm retry " + run.id() + "` resumes it where it is.";
    }

    static Block.Button dangerButton(String label, String command, String confirmation) {
        return new Block.Button(label, command, Block.Button.Style.DANGER, confirmation);
    }
}
