package pdmbot.ledger;

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
import pdmbot.storage.ledger.LedgerChange;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.CommitInfo;
import pdmbot.world.Lookup;
import pdmbot.world.PackageSource;

/** {@code auto_deploy status <sha>}: which environments a commit has reached, db/gstg and db/gprd included. */
public final class AutoDeployStatusCommand implements Command {

    private final Ledger ledger;
    private final MigrationNatures natures;
    private final List<Environment> targets;

    public AutoDeployStatusCommand(Ledger ledger, MigrationNatures natures) {
        this(ledger, natures, List.of(Environment.GSTG, Environment.GPRD));
    }

    /** {@code targets}: the environments with post-deploy migrations whose {@code db/} rows it shows, in the run's order. */
    public AutoDeployStatusCommand(Ledger ledger, MigrationNatures natures, List<Environment> targets) {
        this.ledger = ledger;
        this.natures = natures;
        this.targets = List.copyOf(targets);
    }

    /** How long a sha may be, in the same words wherever a sha is asked for or refused. */
    static final String SHA_LENGTHS = "4 to 40 hex characters";

    @Override
    public CommandSpec spec() {
        return CommandSpec.command("auto_deploy status")
                .description("The environments a commit has reached, with db/gstg and db/gprd when its post-deploy migrations ran there.")
                .argument("sha", "the commit sha (" + SHA_LENGTHS + ")")
                .example("auto_deploy status a7493c93741")
                .handledBy(this::status);
    }

    private Reply status(Invocation invocation) {
        String sha = invocation.argument("sha");
        if (!sha.matches("[0-9a-fA-F]{4,40}"))
            return Reply.refused("\"" + sha + "\" is not a commit sha; expected " + SHA_LENGTHS + " such as `a7493c93741`.");
        ledger.refresh();
        PackageSource packages = ledger.world().packages();
        Lookup<CommitInfo> lookup = packages.findCommit(sha.toLowerCase());
        if (lookup.found().isEmpty())
            return LookupReplies.refusal(lookup, "commit", c -> "`" + c.shortSha() + "` " + c.title());
        CommitInfo commit = lookup.found().get();
        List<List<String>> rows = new ArrayList<>();
        List<Environment> environments = new ArrayList<>(Environment.known());
        targets.stream().filter(t -> !environments.contains(t)).forEach(environments::add);
        for (Environment env : environments) {
            Optional<AutoDeployPackage> deployed = ledger.world().deployments().packageOn(env);
            String state = deployed.isEmpty() ? "nothing deployed"
                    : packages.contains(deployed.get(), commit.sha()) ? "reached (runs `" + deployed.get().version() + "`)"
                    : "not yet (runs `" + deployed.get().version() + "`)";
            rows.add(List.of(env.id(), state));
        }
        List<PostMigration> brought = broughtBy(commit);
        for (Environment env : targets) {
            rows.add(List.of(env.databaseEnvironment(), databaseState(env, commit, brought)));
        }
        Reply.Builder reply = Reply.builder()
                .heading("Commit " + commit.shortSha() + ": " + commit.title())
                .table(List.of("environment", "state"), rows);
        firstPackageWith(commit).ifPresent(p -> reply.note("First package with it: `" + p.version() + "`."
                + (brought.isEmpty() ? " It brings no post-deploy migration."
                : " It brings " + brought.size() + " post-deploy migration" + (brought.size() == 1 ? "" : "s") + ": "
                + String.join(", ", brought.stream().map(PostMigration::className).toList()) + ".")));
        return reply.build();
    }

    private String databaseState(Environment env, CommitInfo commit, List<PostMigration> brought) {
        Optional<AutoDeployPackage> deployed = ledger.world().deployments().packageOn(env);
        boolean deployedThere = deployed.isPresent() && ledger.world().packages().contains(deployed.get(), commit.sha());
        if (brought.isEmpty()) return deployedThere ? "reached (no post-deploy migration to run)" : "not yet";
        int total = 0;
        int ran = 0;
        for (PostMigration m : brought) {
            for (LogicalDatabase db : natures.of(m).databases()) {
                total++;
                if (ledger.world().databases().hasRun(env, db, m.version())) ran++;
            }
        }
        if (ran == total) return "reached (its post-deploy migrations ran)";
        return deployedThere ? "pending: " + ran + " of " + total + " migration runs done" : "not yet";
    }

    private Optional<AutoDeployPackage> firstPackageWith(CommitInfo commit) {
        List<AutoDeployPackage> all = ledger.world().packages().packages();
        int lo = 0;
        int hi = all.size() - 1;
        Optional<AutoDeployPackage> found = Optional.empty();
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ledger.world().packages().contains(all.get(mid), commit.sha())) {
                found = Optional.of(all.get(mid));
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return found;
    }

    private List<PostMigration> broughtBy(CommitInfo commit) {
        Optional<AutoDeployPackage> first = firstPackageWith(commit);
        if (first.isEmpty()) return List.of();
        List<PostMigration> brought = new ArrayList<>();
        for (PostMigration m : ledger.store().introducedIn(first.get().version())) {
            boolean byThisCommit = ledger.store().changesOf(m.version()).stream()
                    .anyMatch(c -> c.kind() == LedgerChange.Kind.ADDED && commit.sha().equals(c.commitSha()));
            if (byThisCommit) brought.add(m);
        }
        return brought;
    }
}
