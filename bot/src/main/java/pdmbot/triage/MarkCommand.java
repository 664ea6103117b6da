package pdmbot.triage;

import java.util.List;
import pdmbot.chat.Block;
import pdmbot.chat.Command;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.chat.UsageException;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.storage.triage.TriageStore;
import pdmbot.world.TriagePorts;

/**
 * {@code migrations mark <version> --database main|ci [--env gstg|gprd]}: marks a post-deploy migration executed
 * through GitLab's admin API ({@code POST /api/v4/admin/migrations/:timestamp/mark?database=}), after confirmation,
 * records it, and so lets the failed run be resumed past it. The DML path of a triage offers it.
 */
final class MarkCommand implements Command {

    private final TriagePorts.MigrationMarks marks;
    private final TriageStore store;
    private final TriageService triage;

    MarkCommand(TriagePorts.MigrationMarks marks, TriageStore store, TriageService triage) {
        this.marks = marks;
        this.store = store;
        this.triage = triage;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.command("migrations mark")
                .description("Marks a post-deploy migration as executed through GitLab's admin API, so a failed run resumes past it (asks to confirm).")
                .releaseManagersOnly()
                .argument("version", "the migration's 14-digit version")
                .option("database", "main|ci", "the logical database to mark it on")
                .option("env", "gstg|gprd", "the environment (default gprd)")
                .flag("confirm", "marks it without asking")
                .example("migrations mark 20231107025611 --database main --env gstg")
                .handledBy(this::mark);
    }

    private Reply mark(Invocation invocation) {
        String version = invocation.argument("version");
        if (!version.matches("\\d{14}")) throw new UsageException("\"" + version + "\" is not a migration version (14 digits)");
        String db = invocation.option("database").orElseThrow(() -> new UsageException("--database main|ci is required: GitLab marks on one database"));
        LogicalDatabase database = LogicalDatabase.byId(db).orElseThrow(() -> new UsageException("--database is main or ci, not \"" + db + "\""));
        String env = invocation.option("env").orElse("gprd");
        Environment environment = Environment.byId(env).filter(Environment::hasPostDeployMigrations)
                .orElseThrow(() -> new UsageException("--env is gstg or gprd, not \"" + env + "\""));
        String what = "`" + version + "` on db/" + environment.id() + " (" + database.id() + ")";
        if (!invocation.has("confirm"))
            return Reply.builder().text("Marking " + what + " records it as executed without running it: GitLab inserts it into"
                            + " schema_migrations. Do it only when the change is done by other means (a change request) or is not needed.")
                    .buttons(List.of(new Block.Button("Mark " + version, "migrations mark " + version + " --database " + database.id()
                            + " --env " + environment.id() + " --confirm", Block.Button.Style.DANGER, "Mark " + what + " as executed?")))
                    .note("Or type `migrations mark " + version + " --database " + database.id() + " --env " + environment.id() + " --confirm`.")
                    .build();
        TriagePorts.Mark result = marks.mark(environment, database, version);
        if (result instanceof TriagePorts.NotHere no) return Reply.refused("Not marked: " + no.why());
        if (result instanceof TriagePorts.NotFound nf)
            return Reply.refused("GitLab does not know " + what + " (" + nf.answer() + "): it is not a migration of the code running there.");
        String answer = result instanceof TriagePorts.Marked m ? m.answer() : ((TriagePorts.NotPending) result).answer();
        boolean first = store.recordMark(new TriageStore.MigrationMark(environment.id(), database.id(), version, invocation.caller(),
                triage.clock().instant(), answer));
        triage.record(invocation.caller(), "migrations mark " + version, result instanceof TriagePorts.Marked ? "marked" : "not pending", answer);
        String resume = store.newestFor(version).map(t -> " Run #" + t.runId() + " resumes past it with `pdm retry " + t.runId()
                + "`; its triage can then be closed (`triage answer " + t.runId() + " close`).").orElse("");
        if (result instanceof TriagePorts.NotPending)
            return Reply.builder().text(what + " had already run there (GitLab: \"" + answer + "\"); "
                    + (first ? "recorded as marked." : "it was recorded before.") + resume).build();
        return Reply.ok("Marked " + what + " as executed (GitLab: " + answer + "), by " + invocation.caller() + "." + resume);
    }
}
