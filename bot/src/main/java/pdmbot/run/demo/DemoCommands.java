package pdmbot.run.demo;

import java.util.List;
import java.util.Optional;
import pdmbot.chat.Command;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.chat.UsageException;
import pdmbot.domain.Environment;
import pdmbot.domain.PostMigration;
import pdmbot.storage.ledger.LedgerStore;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.ChangeRequest;
import pdmbot.world.Incident;
import pdmbot.world.PackageSource;
import pdmbot.world.RunningDeployment;
import pdmbot.world.demo.DemoOperations;

/**
 * The demo-only commands: start and finish deployments, open and close incidents and change requests, and make the
 * next pipeline fail, so that every outcome of {@code pdm execute} can be tried on the demo world. Each command is
 * its own {@link Command} object; this class only builds them.
 */
public final class DemoCommands {

    private final DemoOperations operations;
    private final PackageSource packages;
    private final LedgerStore ledger;

    public DemoCommands(DemoOperations operations, PackageSource packages, LedgerStore ledger) {
        this.operations = operations;
        this.packages = packages;
        this.ledger = ledger;
    }

    public List<Command> commands() {
        return List.of(
                new DemoCommand("demo deploy start", "demo deploy start <env>",
                        "Demo: starts a deployment of the next package on an environment (a staging one cancels PDM runs).",
                        this::deployStart),
                new DemoCommand("demo deploy finish", "demo deploy finish <env>",
                        "Demo: finishes the environment's running deployment; its package now runs there.", this::deployFinish),
                new DemoCommand("demo incident open", "demo incident open <severity 1-4> [--blocking]",
                        "Demo: opens an incident (severity 1 or 2, or --blocking, fails PDM runs; 3 or 4 warns).", this::incidentOpen),
                new DemoCommand("demo incident close", "demo incident close", "Demo: closes every open incident.",
                        i -> {
                            i.arguments().allowOnly().atMost(0);
                            return Reply.ok("Closed " + operations.closeIncidents() + " incident(s).");
                        }),
                new DemoCommand("demo cr open", "demo cr open [C1|C2|C3|C4] [--blocking]",
                        "Demo: starts a change request in progress (C1/C2 or --blocking fails PDM runs; C3/C4 warns).", this::crOpen),
                new DemoCommand("demo cr close", "demo cr close", "Demo: closes every change request.",
                        i -> {
                            i.arguments().allowOnly().atMost(0);
                            return Reply.ok("Closed " + operations.closeChangeRequests() + " change request(s).");
                        }),
                new DemoCommand("demo fail next", "demo fail next <migration|qa>",
                        "Demo: the next pipeline that runs this migration (or the next QA pipeline) fails.", this::failNext),
                new DemoCommand("demo fail clear", "demo fail clear", "Demo: no pipeline fails any more.",
                        i -> {
                            i.arguments().allowOnly().atMost(0);
                            operations.clearFailure();
                            return Reply.ok("No failure is planned any more.");
                        }));
    }

    private static Environment environment(Invocation invocation) {
        String word = invocation.arguments().allowOnly().atMost(1).required(0, "the environment (gstg, gprd, gstg-cny, gprd-cny)");
        return Environment.byId(word).orElseThrow(() -> new UsageException("unknown environment \"" + word
                + "\"; expected gstg, gprd, gstg-cny or gprd-cny"));
    }

    private Reply deployStart(Invocation invocation) {
        Environment environment = environment(invocation);
        List<AutoDeployPackage> all = packages.packages();
        if (all.isEmpty()) return Reply.refused("The demo world has no package to deploy.");
        AutoDeployPackage next = all.get(all.size() - 1);
        RunningDeployment running = operations.startDeployment(environment, next);
        return Reply.ok("Deployment of `" + running.packageVersion() + "` running on " + environment + " (pipeline "
                + running.pipeline() + "). `demo deploy finish " + environment + "` ends it.");
    }

    private Reply deployFinish(Invocation invocation) {
        Environment environment = environment(invocation);
        Optional<AutoDeployPackage> deployed = operations.finishDeployment(environment);
        return deployed.map(p -> Reply.ok("Deployment finished: " + environment + " now runs `" + p + "`."))
                .orElseGet(() -> Reply.refused("No deployment is running on " + environment + "."));
    }

    private Reply incidentOpen(Invocation invocation) {
        var arguments = invocation.arguments().allowOnly("blocking").atMost(1);
        String word = arguments.required(0, "the severity (1 to 4)");
        int severity;
        try {
            severity = Integer.parseInt(word.toLowerCase().replace("s", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("severity is 1 to 4, not \"" + word + "\"");
        }
        if (severity < 1 || severity > 4) throw new UsageException("severity is 1 to 4, not " + severity);
        Incident incident = operations.openIncident(severity, arguments.has("blocking"));
        return Reply.ok("Opened incident " + incident.id() + " (severity " + severity
                + (incident.blocksDeployments() ? ", blocks deployments" : "") + ").");
    }

    private Reply crOpen(Invocation invocation) {
        var arguments = invocation.arguments().allowOnly("blocking").atMost(1);
        String word = arguments.optional(0).orElse("C2");
        if (!word.matches("(?i)c?[1-4]")) throw new UsageException("criticality is C1 to C4, not \"" + word + "\"");
        int criticality = Integer.parseInt(word.replaceAll("(?i)c", ""));
        ChangeRequest cr = operations.openChangeRequest(criticality, arguments.has("blocking"));
        return Reply.ok("Change request " + cr.id() + " (C" + criticality + (cr.blocksDeployments() ? ", blocks deployments" : "")
                + ") is in progress.");
    }

    private Reply failNext(Invocation invocation) {
        String ref = invocation.arguments().allowOnly().atMost(1).required(0, "the migration (version, class or file name) or qa");
        if (ref.equalsIgnoreCase("qa")) {
            operations.failNext("qa");
            return Reply.ok("The next QA pipeline fails.");
        }
        List<PostMigration> matches = ledger.findMigrations(ref);
        if (matches.isEmpty() && ref.matches("\\d{14}")) matches = List.of(new PostMigration(ref, "unknown", ref));
        if (matches.isEmpty()) return Reply.refused("No migration matches \"" + ref + "\"; give its 14-digit version.");
        if (matches.size() > 1)
            return Reply.refused("\"" + ref + "\" matches " + matches.size() + " migrations; give the 14-digit version.");
        operations.failNext(matches.get(0).version());
        return Reply.ok("The next PDM pipeline that runs `" + matches.get(0).version() + "` " + matches.get(0).name()
                + " fails there.");
    }
}
