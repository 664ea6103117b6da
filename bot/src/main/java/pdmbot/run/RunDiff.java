package pdmbot.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import pdmbot.chat.Reply;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.ledger.MigrationNatures;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.MergeRequestRef;

/**
 * The PDM diff posted in the run's thread at its start: per environment and database, each migration the run is to
 * execute with its nature, its predicted duration (the run's learnt durations), and links to its file and merge request.
 * One line per migration, never cut: the renderers split the message between lines within each platform's limits.
 */
public final class RunDiff {

    /** No diff: the start announcement alone (tests and worlds that do not want it). */
    public static final RunDiff NONE = new RunDiff(null, MigrationLinks.NONE);

    private final MigrationNatures natures;
    private final MigrationLinks links;

    public RunDiff(MigrationNatures natures, MigrationLinks links) {
        this.natures = natures;
        this.links = Objects.requireNonNull(links, "links");
    }

    public boolean isEnabled() {
        return natures != null;
    }

    /**
     * The diff of {@code plan}, or empty when it is disabled or nothing is pending; {@code predictor} (the run's
     * learnt durations, {@link MigrationTimes}) gives each line its expected duration, and without one the diff says none is available.
     */
    public Optional<Reply> of(long runId, PendingPlan plan, MergeRequestOf mergeRequests, Optional<MigrationTimes> predictor) {
        if (!isEnabled() || plan.isEmpty()) return Optional.empty();
        Reply.Builder reply = Reply.builder().heading("PDM run #" + runId + ": what it runs");
        for (Environment environment : plan.environments()) {
            List<PendingPlan.Entry> entries = plan.on(environment);
            if (entries.isEmpty()) continue;
            String pkg = plan.packageOn(environment).map(p -> " (package `" + p + "`)").orElse("");
            for (LogicalDatabase database : LogicalDatabase.values()) {
                List<String> lines = new ArrayList<>();
                for (PendingPlan.Entry entry : entries)
                    if (entry.databases().contains(database))
                        lines.add(line(environment, database, entry, plan.packageOn(environment), mergeRequests, predictor));
                if (lines.isEmpty()) continue;
                reply.text("*" + environment.databaseEnvironment() + " " + database.id() + "*: " + lines.size()
                        + " post-deploy migration" + (lines.size() == 1 ? "" : "s") + pkg);
                reply.bullets(lines);
            }
        }
        if (predictor.isEmpty()) reply.note("Predicted durations are not available yet.");
        return Optional.of(reply.build());
    }

    private String line(Environment environment, LogicalDatabase database, PendingPlan.Entry entry,
                        Optional<AutoDeployPackage> pkg, MergeRequestOf mergeRequests, Optional<MigrationTimes> predictor) {
        var migration = entry.migration();
        String nature = natures.of(migration).nature();
        StringBuilder line = new StringBuilder("`").append(migration.version()).append("` ").append(migration.className())
                .append(" — ").append(nature);
        predictor.ifPresent(p -> {
            MigrationTimes.Estimate prediction = p.estimate(environment, database, migration);
            line.append(" — ~").append(Durations.of(prediction.expected())).append(" (").append(prediction.basis()).append(')');
        });
        line.append(" — ").append(pkg.flatMap(p -> links.file(p, migration)).orElse("`" + migration.path() + "`"));
        Optional<MergeRequestRef> mr = mergeRequests.of(migration.version());
        mr.ifPresent(ref -> line.append(" — MR ").append(links.mergeRequest(ref).orElse(ref.toString())));
        return line.toString();
    }
}
