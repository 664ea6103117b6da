package pdmbot.run.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pdmbot.chat.Command;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.chat.UsageException;
import pdmbot.domain.Environment;
import pdmbot.domain.PostMigration;
import pdmbot.storage.ledger.LedgerStore;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.PackageSource;
import pdmbot.world.PendingMigrations;
import pdmbot.world.demo.DemoControl;
import pdmbot.world.demo.DemoErrors;

/**
 * The demo-only commands: start and finish deployments, open and close incidents and change requests, and make
 * pipelines fail, so that every outcome of {@code pdm execute} can be tried on the demo world. They are for release
 * managers, and refuse on any other world. Each is one declaration; this class only lists them. They change the demo's
 * GitLab emulator through its API ({@link DemoControl}), so the bot then sees them as it would see them on GitLab.com.
 */
public final class DemoCommands {

    private final Optional<DemoControl> demo;
    private final String world;
    private final PackageSource packages;
    private final LedgerStore ledger;
    private final PendingMigrations pending;

    /** {@code demo} is present only on the demo world; {@code world} says what the bot runs on instead. */
    public DemoCommands(Optional<DemoControl> demo, String world, PackageSource packages, LedgerStore ledger,
                        PendingMigrations pending) {
        this.demo = demo;
        this.world = world;
        this.packages = packages;
        this.ledger = ledger;
        this.pending = pending;
    }

    public List<Command> commands() {
        return List.of(
                demo("demo deploy start")
                        .description("Demo: starts a deployment of the newest package on an environment (a staging one cancels PDM runs).")
                        .argument("env", ENVIRONMENT)
                        .example("demo deploy start gstg")
                        .handledBy(onDemo(this::deployStart)),
                demo("demo deploy finish")
                        .description("Demo: finishes the environment's running deployment; its package now runs there.")
                        .argument("env", ENVIRONMENT)
                        .exampleAfter("demo deploy finish gstg", "demo deploy start gstg")
                        .handledBy(onDemo(this::deployFinish)),
                demo("demo incident open")
                        .description("Demo: opens an incident (severity 1 or 2, or --blocking, fails PDM runs; 3 or 4 warns).")
                        .argument("severity", "the severity, 1 to 4")
                        .flag("blocking", "marks it as blocking deployments, whatever its severity")
                        .example("demo incident open 1")
                        .example("demo incident open 3 --blocking")
                        .handledBy(onDemo(this::incidentOpen)),
                demo("demo incident close")
                        .description("Demo: closes every open incident.")
                        .exampleAfter("demo incident close", "demo incident open 1")
                        .handledBy(onDemo(i -> Reply.ok(closed(operations().closeIncidents(), "incident", "incidents")))),
                demo("demo cr open")
                        .description("Demo: starts a change request in progress (C1/C2 or --blocking fails PDM runs; C3/C4 warns).")
                        .optionalArgument("criticality", "C1 to C4 (default C2)")
                        .flag("blocking", "marks it as blocking deployments, whatever its criticality")
                        .example("demo cr open C2")
                        .example("demo cr open C4 --blocking")
                        .handledBy(onDemo(this::crOpen)),
                demo("demo cr close")
                        .description("Demo: closes every change request.")
                        .exampleAfter("demo cr close", "demo cr open C2")
                        .handledBy(onDemo(i -> Reply.ok(closed(operations().closeChangeRequests(), "change request", "change requests")))),
                demo("demo fail next")
                        .description("Demo: the next pipeline that runs this migration (or the next QA pipeline) fails; earlier plans stay.")
                        .argument("target", "the migration (version, class or file name) or qa")
                        .option("error", "kind", "how the migration fails: " + String.join(", ", pdmbot.world.demo.DemoErrors.KINDS)
                                + " (default statement-timeout)")
                        .example("demo fail next 20231107025611")
                        .example("demo fail next 20231107025611 --error deadlock")
                        .example("demo fail next qa")
                        .handledBy(onDemo(this::failNext)),
                demo("demo fail clear")
                        .description("Demo: no pipeline fails any more.")
                        .exampleAfter("demo fail clear", "demo fail next qa")
                        .handledBy(onDemo(i -> {
                            operations().clearFailures();
                            return Reply.ok("No failure is planned any more.");
                        })));
    }

    private static final String ENVIRONMENT = "the environment (gstg, gprd, gstg-cny, gprd-cny)";

    private static CommandSpec.Builder demo(String words) {
        return CommandSpec.command(words).releaseManagersOnly();
    }

    /** The handler on the demo world; elsewhere a refusal that names the world and how to reach the demo. */
    private CommandSpec.Handler onDemo(CommandSpec.Handler handler) {
        return invocation -> demo.isPresent() ? handler.handle(invocation)
                : Reply.refused("`" + invocation.command().name() + "` works only on the demo world; this bot runs on "
                + world + ". Start it without `--repo` (world.kind demo) to try the demo commands.");
    }

    private DemoControl operations() {
        return demo.orElseThrow();
    }

    static String closed(int count, String one, String many) {
        if (count == 0) return "No " + one + " was open; nothing to close.";
        return "Closed " + count + " " + (count == 1 ? one : many) + ".";
    }

    private static Environment environment(Invocation invocation) {
        String word = invocation.argument("env");
        return Environment.byId(word).orElseThrow(() -> new UsageException("unknown environment \"" + word
                + "\"; expected gstg, gprd, gstg-cny or gprd-cny"));
    }

    private Reply deployStart(Invocation invocation) {
        Environment environment = environment(invocation);
        List<AutoDeployPackage> all = packages.packages();
        if (all.isEmpty()) return Reply.refused("The demo world has no package to deploy.");
        AutoDeployPackage next = all.get(all.size() - 1);
        DemoControl.Started running = operations().startDeployment(environment, next);
        return Reply.ok("Deployment of `" + running.packageVersion() + "` running on " + environment + " (deployment "
                + running.deployment() + "). `demo deploy finish " + environment + "` ends it.");
    }

    private Reply deployFinish(Invocation invocation) {
        Environment environment = environment(invocation);
        Optional<String> deployed = operations().finishDeployment(environment);
        return deployed.map(p -> Reply.ok("Deployment finished: " + environment + " now runs `" + p + "`."))
                .orElseGet(() -> Reply.refused("No deployment is running on " + environment + "."));
    }

    private Reply incidentOpen(Invocation invocation) {
        String word = invocation.argument("severity");
        int severity;
        try {
            severity = Integer.parseInt(word.toLowerCase().replace("s", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("severity is 1 to 4, not \"" + word + "\"");
        }
        if (severity < 1 || severity > 4) throw new UsageException("severity is 1 to 4, not " + severity);
        DemoControl.Opened incident = operations().openIncident(severity, invocation.has("blocking"));
        return Reply.ok("Opened incident " + incident.id() + " (severity " + severity
                + (incident.blocksDeployments() ? ", blocks deployments" : "") + ").");
    }

    private Reply crOpen(Invocation invocation) {
        String word = invocation.optional("criticality").orElse("C2");
        if (!word.matches("(?i)c?[1-4]")) throw new UsageException("criticality is C1 to C4, not \"" + word + "\"");
        int criticality = Integer.parseInt(word.replaceAll("(?i)c", ""));
        DemoControl.Opened cr = operations().openChangeRequest(criticality, invocation.has("blocking"));
        return Reply.ok("Change request " + cr.id() + " (C" + criticality + (cr.blocksDeployments() ? ", blocks deployments" : "")
                + ") is in progress.");
    }

    private Reply failNext(Invocation invocation) {
        String ref = invocation.argument("target");
        String planned;
        if (ref.equalsIgnoreCase("qa")) {
            operations().failNext("qa", Optional.empty());
            planned = "The next QA pipeline fails.";
        } else {
            List<PostMigration> matches = ledger.findMigrations(ref);
            if (matches.isEmpty() && ref.matches("\\d{14}")) matches = List.of(new PostMigration(ref, "unknown", ref));
            if (matches.isEmpty()) return Reply.refused("No migration matches \"" + ref + "\"; give its 14-digit version.");
            if (matches.size() > 1)
                return Reply.refused("\"" + ref + "\" matches " + matches.size() + " migrations; give the 14-digit version.");
            Optional<String> error = invocation.option("error");
            if (error.isPresent() && !DemoErrors.KINDS.contains(error.get()))
                return Reply.refused("--error is one of " + String.join(", ", DemoErrors.KINDS) + ", not \"" + error.get() + "\".");
            String version = matches.get(0).version();
            // the emulator's failed job logs the exception as db:migrate would; the triage and the durations read it there
            operations().failNext(version, firstPendingOn(version), error.map(DemoErrors::exception));
            planned = "The next PDM pipeline that runs `" + version + "` " + matches.get(0).name() + " fails there"
                    + error.map(e -> " with a " + e.replace('-', ' ')).orElse("") + ".";
        }
        List<String> all = operations().plannedFailures();
        if (all.size() < 2) return Reply.ok(planned);
        return Reply.builder().text(planned).text("Planned failures, each once:").bullets(describe(all))
                .note("`demo fail clear` forgets them all.").build();
    }

    /** The first database environment where the migration is still pending: its next PDM pipeline is there. */
    private Optional<Environment> firstPendingOn(String version) {
        for (Environment e : List.of(Environment.GSTG, Environment.GPRD))
            if (pending.pendingOn(e).stream().anyMatch(m -> m.migration().version().equals(version))) return Optional.of(e);
        return Optional.empty();
    }

    private List<String> describe(List<String> failures) {
        List<String> lines = new ArrayList<>();
        for (String failure : failures) {
            if (failure.equals("qa")) {
                lines.add("the next QA pipeline");
            } else {
                String name = ledger.findMigrations(failure).stream().filter(m -> m.version().equals(failure)).findFirst()
                        .map(m -> " " + m.name()).orElse("");
                lines.add("the next PDM pipeline that runs `" + failure + "`" + name);
            }
        }
        return lines;
    }
}
