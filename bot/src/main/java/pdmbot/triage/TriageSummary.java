package pdmbot.triage;

import java.util.ArrayList;
import java.util.List;
import pdmbot.chat.Block;
import pdmbot.chat.Reply;

/** The live summary of a triage: one message, rebuilt from its state after every answer and edited in place. */
final class TriageSummary {

    private TriageSummary() {
    }

    static Reply of(TriageState s, TriageSettings settings) {
        TriageFacts f = s.facts();
        String what = f.version().isEmpty() ? "step " + s.stepId() : "`" + f.version() + "` " + f.className();
        Reply.Builder r = Reply.builder().heading("Triage of PDM run #" + s.runId() + ": " + what + " failed on "
                + (f.version().isEmpty() ? s.environment() : "db/" + s.environment()) + (s.isClosed() ? " — closed" : ""));
        List<Block.Field> fields = new ArrayList<>();
        fields.add(new Block.Field("migration", f.version().isEmpty() ? "none (the step failed without a migration)"
                : "`" + f.version() + "` " + f.className()));
        fields.add(new Block.Field("file", "`" + f.file() + "`"));
        fields.add(new Block.Field("environment", "db/" + f.environment() + ", database " + f.databases()));
        fields.add(new Block.Field("error", f.errorClass() + ": " + tail(f.error())));
        fields.add(new Block.Field("job", f.jobUrl().isBlank() ? "no link given by the world" : f.jobUrl()));
        fields.add(new Block.Field("nature", f.nature() + (f.natureReasons().isEmpty() ? "" : " — " + String.join("; ", f.natureReasons()))));
        fields.add(new Block.Field("package", f.packageVersion().equals(TriageFactsGatherer.UNKNOWN) ? "unknown" : "`" + f.packageVersion() + "`"));
        fields.add(new Block.Field("commit", f.commit()));
        fields.add(new Block.Field("merge request", f.mergeRequest() + (f.mergeRequestUrl().isBlank() ? "" : " " + f.mergeRequestUrl())));
        fields.add(new Block.Field("author", f.author()));
        fields.add(new Block.Field("approved by", f.approvers()));
        fields.add(new Block.Field("database reviewer", f.databaseReviewer()));
        fields.add(new Block.Field("rollback line", f.rollbackLine()));
        fields.add(new Block.Field("locks at the start", f.locks()));
        r.fields(fields);
        r.text("*Is a retry safe?* Suggestion: " + f.retrySafety() + " — " + f.retryAdvice() + ". Because " + f.retryReason()
                + " (rule \"" + f.retryRule() + "\").");
        r.text("*Block deploys?* Advice: " + (f.blockDeploys() ? "yes" : "no") + " — " + f.blockReason() + " (rule \""
                + f.blockRule() + "\").");
        r.text("*Mitigation*: DDL — make the migration a no-op in an MR, deploy it everywhere, re-run the PDM (`pdm retry "
                + s.runId() + "`). DML — a change request to mark it complete (`migrations mark " + (f.version().isEmpty() ? "<version>" : f.version())
                + " --database " + firstDatabase(f) + " --env " + s.environment() + "`), another to clean up the data, and a follow-up on self-managed safety.");
        List<String> steps = new ArrayList<>();
        for (TriageStep step : TriageStep.values()) {
            if (step == TriageStep.SNOOZE) continue;
            steps.add(step.question() + ": " + s.answerTo(step).map(a -> "*" + a.value() + "* by " + a.by() + " at " + a.at()
                    + (a.outcome().isBlank() ? "" : " — " + a.outcome())).orElse("not answered"));
        }
        r.bullets(steps);
        if (!s.answers().isEmpty())
            r.text("Timeline:").bullets(s.answers().stream().map(a -> a.at() + " " + a.by() + ": " + a.step() + " → " + a.value()).toList());
        if (s.isClosed()) return r.note("Closed: " + s.closedBecause()).build();
        r.buttons(buttons(s));
        return r.note("Answer with the buttons, or type `triage answer " + s.runId() + " <step> <value>`"
                + (f.version().isEmpty() ? "" : " (`--migration " + f.version() + "` when the run has several triages)")
                + "; steps: " + TriageStep.ids() + ". Decisions are for release managers. Support: " + settings.onCall()
                + " and " + settings.devEscalation() + ".").build();
    }

    private static List<Block.Button> buttons(TriageState s) {
        List<Block.Button> buttons = new ArrayList<>();
        String prefix = "triage answer " + s.runId() + " ";
        String suffix = s.facts().version().isEmpty() ? "" : " --migration " + s.facts().version();
        for (TriageStep step : TriageStep.values()) {
            if (!step.isAnsweredOnce() || step == TriageStep.HAND_OVER || s.answerTo(step).isPresent()) continue;
            for (String value : step.answers())
                buttons.add(Block.Button.of(label(step, value), prefix + step.id() + " " + value + suffix));
        }
        buttons.add(Block.Button.of("Snooze " + "1 h", prefix + "snooze 60" + suffix));
        return buttons;
    }

    private static String label(TriageStep step, String value) {
        return switch (step) {
            case SUPPORT -> "Request support";
            case RETRY -> "Retry safe: " + (value.equals("dont-know") ? "don't know" : value);
            case BLOCK -> "Block deploys: " + value;
            case MITIGATION -> "Mitigation: " + value.toUpperCase();
            case INCIDENT -> "Incident severity::" + value;
            case CLOSE -> "Close triage";
            default -> step.question() + ": " + value;
        };
    }

    static String firstDatabase(TriageFacts f) {
        return f.databases().startsWith("ci") ? "ci" : "main";
    }

    /** The end of the error, where the database's own message is. */
    static String tail(String error) {
        String e = error.replaceAll("\\s+", " ").trim();
        // the database's or Rails' own exception is what matters: start there when the line names one
        int at = Math.max(e.lastIndexOf("PG::"), e.lastIndexOf("ActiveRecord::"));
        if (at > 0) e = e.substring(at);
        return e.length() <= 300 ? e : "…" + e.substring(e.length() - 300);
    }
}
