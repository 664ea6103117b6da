package pdmbot.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pdmbot.chat.Block;
import pdmbot.chat.Command;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;
import pdmbot.ledger.Ledger;
import pdmbot.ledger.LookupReplies;
import pdmbot.rules.classify.Classification;
import pdmbot.rules.classify.Nature;
import pdmbot.rules.classify.Reason;
import pdmbot.rules.source.Declaration;
import pdmbot.rules.source.ParseProblem;
import pdmbot.world.Lookup;

/** {@code migration explain <ref>}: the nature of a migration and every reason, each with its rule and line. */
public final class MigrationExplainCommand implements Command {

    private final Ledger ledger;
    private final ClassifiedNatures natures;
    private final MigrationDecisions decisions;

    public MigrationExplainCommand(Ledger ledger, ClassifiedNatures natures) {
        this(ledger, natures, MigrationDecisions.NONE);
    }

    /** With the run decision of the group the migration is pending in. */
    public MigrationExplainCommand(Ledger ledger, ClassifiedNatures natures, MigrationDecisions decisions) {
        this.ledger = ledger;
        this.natures = natures;
        this.decisions = decisions;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.command("migration explain")
                .description("The nature of a post-deploy migration, the databases it runs on, and why: each rule with its source line.")
                .argument("ref", Ledger.REF)
                .example("migration explain 20231030061519")
                .example("migration explain FinalizeBackfillIssuesNamespaceId")
                .handledBy(this::explain);
    }

    private Reply explain(Invocation invocation) {
        Lookup<PostMigration> lookup = ledger.lookUp(invocation.argument("ref"));
        if (lookup.found().isEmpty()) return LookupReplies.migrationRefusal(lookup);
        PostMigration migration = lookup.found().orElseThrow();
        Optional<Classification> found = natures.classificationOf(migration);
        if (found.isEmpty())
            return Reply.failed("The file of " + migration.className() + " is in no package of the world any more ("
                    + migration.path() + "), so it cannot be classified.");
        Classification c = found.get();
        List<Block.Field> fields = new ArrayList<>();
        fields.add(new Block.Field("nature", "*" + c.dominant().wireName() + "*"));
        fields.add(new Block.Field("all natures", String.join(", ", c.natures().stream().map(Nature::wireName).toList())));
        fields.add(new Block.Field("databases", c.databases().isEmpty() ? "main,ci" : LogicalDatabase.format(c.databases())));
        fields.add(new Block.Field("DDL transaction", c.isDdlTransactionDisabled()
                ? "disabled (disable_ddl_transaction!)" : "enabled (runs in one transaction)"));
        fields.add(new Block.Field("milestone", c.milestone().orElse("not declared")));
        fields.add(new Block.Field("file", "`" + migration.path() + "`"));
        Reply.Builder reply = Reply.builder().heading(migration.className() + " (" + migration.version() + ")").fields(fields);
        List<String> reasons = new ArrayList<>();
        for (Reason r : c.reasons())
            reasons.add(r.nature().wireName() + " — rule \"" + r.rule() + "\" at line " + r.line()
                    + (r.detail() == null || r.detail().isBlank() ? "" : ": " + r.detail()));
        if (reasons.isEmpty()) reasons.add("no rule matched: nothing in up/change was recognised");
        reply.text("Why:").bullets(reasons);
        List<String> facts = new ArrayList<>();
        for (Declaration d : c.facts()) {
            if (d.kind().equals(Declaration.MILESTONE) || d.kind().equals(Declaration.DDL_TRANSACTION_DISABLED)) continue;
            facts.add(d.kind().replace('_', ' ') + (d.value() == null || d.value().isBlank() ? "" : " " + d.value())
                    + " (line " + d.line() + ")");
        }
        if (!facts.isEmpty()) reply.text("Also worth knowing:").bullets(facts);
        List<String> problems = c.problems().stream().map((ParseProblem p) -> "line " + p.line() + ": " + p.why()).toList();
        if (!problems.isEmpty()) reply.text("The parser could not read everything:").bullets(problems);
        List<String> decided = decisions.linesFor(migration.version());
        if (!decided.isEmpty()) reply.text("Run decision:").bullets(decided);
        return reply.build();
    }
}
