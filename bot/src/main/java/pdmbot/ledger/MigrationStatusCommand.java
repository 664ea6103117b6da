package pdmbot.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pdmbot.chat.Command;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;
import pdmbot.storage.ledger.LedgerEntry;
import pdmbot.storage.runs.RunStore;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.Lookup;

/** {@code migration status <ref>}: where a post-deploy migration has run, per environment and database. */
public final class MigrationStatusCommand implements Command {

    private final Ledger ledger;
    private final MigrationNatures natures;
    private final RunStore runs;
    private final List<Environment> targets;

    /** {@code runs} names the PDM run that executed a migration, when a run of this bot did. */
    public MigrationStatusCommand(Ledger ledger, MigrationNatures natures, RunStore runs) {
        this(ledger, natures, runs, List.of(Environment.GSTG, Environment.GPRD));
    }

    /** {@code targets}: the environments with post-deploy migrations it reports on, in the run's order. */
    public MigrationStatusCommand(Ledger ledger, MigrationNatures natures, RunStore runs, List<Environment> targets) {
        this.ledger = ledger;
        this.natures = natures;
        this.runs = runs;
        this.targets = List.copyOf(targets);
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.command("migration status")
                .description("Where a post-deploy migration has run: each environment and database, pending or ran when.")
                .argument("ref", Ledger.REF)
                .example("migration status 20231107035712")
                .example("migration status update_issues_work_item_type_for_incidents")
                .handledBy(this::status);
    }

    private Reply status(Invocation invocation) {
        Lookup<PostMigration> lookup = ledger.lookUp(invocation.argument("ref"));
        if (lookup.found().isEmpty()) return LookupReplies.migrationRefusal(lookup);
        PostMigration migration = lookup.found().get();
        MigrationNatures.Summary summary = natures.of(migration);
        List<List<String>> rows = new ArrayList<>();
        int pending = 0;
        Optional<LedgerEntry> removal = ledger.removal(migration.version());
        for (Environment env : targets) {
            Optional<AutoDeployPackage> deployed = ledger.world().deployments().packageOn(env);
            boolean isDeployed = deployed.isPresent() && ledger.world().packages().postMigrationsAt(deployed.get()).stream()
                    .anyMatch(m -> m.version().equals(migration.version()));
            for (LogicalDatabase db : summary.databases()) {
                Optional<Instant> ranAt = ledger.world().databases().ranAt(env, db, migration.version());
                String state;
                if (ranAt.isPresent()) {
                    state = "ran " + Times.utc(ranAt.get()) + runs.runThatExecuted(env, db, migration.version())
                            .map(r -> " in PDM run #" + r.runId()).orElse("");
                } else if (isDeployed) {
                    state = "pending";
                    pending++;
                } else if (removal.isPresent()) {
                    state = "reverted in `" + removal.get().packageVersion() + "`";
                } else if (deployed.isPresent()) {
                    state = "not deployed yet (" + env + " runs `" + deployed.get().version() + "`)";
                } else {
                    state = "not deployed (nothing is deployed on " + env + ")";
                }
                rows.add(List.of(env.databaseEnvironment(), db.id(), state));
            }
        }
        Reply.Builder reply = Reply.builder()
                .heading(migration.className() + " (" + migration.version() + ")")
                .text("Nature " + summary.nature() + ", applies to " + LogicalDatabase.format(summary.databases())
                        + (pending == 0 ? "." : "; pending on " + pending + " database" + (pending == 1 ? "" : "s") + "."))
                .table(List.of("environment", "database", "state"), rows);
        ledger.store().introducedBy(migration.version())
                .ifPresent(p -> reply.note("Introduced by `" + p + "`."));
        removal.ifPresent(r -> reply.note("Removed (reverted) by `" + r.packageVersion() + "`."));
        return reply.build();
    }
}
