package pdmbot.run;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.chat.Reply;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.DeploymentProject;
import pdmbot.world.DeploymentRecord;
import pdmbot.world.DeploymentRecords;
import pdmbot.world.MergeRequestRef;
import pdmbot.world.MigrationTiming;
import pdmbot.world.PendingMigration;
import pdmbot.world.PendingMigrations;
import pdmbot.world.PipelineHandle;
import pdmbot.world.PipelineRunner;
import pdmbot.world.PipelineStatus;
import pdmbot.world.World;

/**
 * The post-deploy migrations of one environment: running deployments on {@code db/<env>} of the canonical and
 * security projects for the package on the environment, the PDM pipeline, the deployments marked, each executed
 * migration recorded, and its merge request labelled and shown on {@code db/<env>}.
 */
final class MigrationStep {

    private static final Logger log = LoggerFactory.getLogger(MigrationStep.class);

    /**
     * What the step runs, fixed when its attempt starts: the package on the environment and each (database, migration);
     * {@code partial} when the run is limited to a subset that leaves migrations of the package pending there.
     */
    private record Plan(String packageVersion, List<String[]> items, boolean partial) {
    }

    private MigrationStep() {
    }

    static String label(Environment environment) {
        return environment.isProduction() ? "workflow::post-deploy-db-production" : "workflow::post-deploy-db-staging";
    }

    static StepResult run(RunContext context, Environment environment) {
        RunStep step = context.step();
        int attempt = context.attempt();
        World world = context.resources().world();
        Effects effects = context.effects();
        if (attempt > 1) finishEarlierMigratedAttempt(context, environment);
        Plan plan = decode(effects.once(EffectKey.plan(step, attempt), Effects.OnUnfinished.REPEAT_WITH_SAME_KEY,
                () -> encode(world, context.resources().databases(), environment, context.scope())));
        if (plan.items().isEmpty()) return nothingLeft(context, environment);
        AutoDeployPackage pkg = world.packages().packageNamed(plan.packageVersion()).orElseThrow(() ->
                new IllegalStateException("the package " + plan.packageVersion() + " on " + environment + " is unknown"));

        DeploymentRecords records = context.resources().operations().deploymentRecords();
        Map<DeploymentProject, DeploymentRecord> deployments = new EnumMap<>(DeploymentProject.class);
        // A db/X deployment of the package says every migration of its tree ran there (GitLab's only record of it):
        // a subset that leaves some pending records none; the bot keeps what it ran (run/WithSubsetRuns).
        for (DeploymentProject project : plan.partial() ? List.<DeploymentProject>of() : List.of(DeploymentProject.values())) {
            EffectKey key = EffectKey.deployment(step, attempt, project);
            deployments.put(project, EffectResults.deployment(effects.once(key, Effects.OnUnfinished.REPEAT_WITH_SAME_KEY,
                    () -> EffectResults.of(records.createRunning(project, environment, pkg, effects.worldKey(key))))));
        }

        boolean[] migrated = {false};
        try {
            return runPipeline(context, environment, attempt, plan, pkg, records, deployments, migrated);
        } catch (RunContext.LostOwnership lost) {
            throw lost;
        } catch (RuntimeException e) {
            // Once the pipeline succeeded, its deployments are marked success by the retry (see nothingLeft).
            if (migrated[0]) throw e;
            // Otherwise the step stops here, and its deployments must not stay running for ever.
            try {
                finishAll(effects, step, attempt, records, deployments, DeploymentRecords.Outcome.FAILED);
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    private static StepResult runPipeline(RunContext context, Environment environment, int attempt, Plan plan,
                                          AutoDeployPackage pkg, DeploymentRecords records,
                                          Map<DeploymentProject, DeploymentRecord> deployments, boolean[] migrated) {
        Effects effects = context.effects();
        PipelineRunner runner = context.resources().operations().pipelines();
        RunStep step = context.step();
        EffectKey pipelineKey = EffectKey.pipeline(step, attempt);
        PipelineHandle pipeline = EffectResults.pipeline(effects.once(pipelineKey, Effects.OnUnfinished.REPEAT_WITH_SAME_KEY,
                () -> EffectResults.of(runner.startPostDeployMigrations(environment, Map.of(
                        "PDM_RUN_ID", String.valueOf(context.runId()),
                        "DEPLOY_ENVIRONMENT", environment.deployEnvironment(),
                        "DEPLOY_VERSION", pkg.version().toString()),
                        context.scope().isPresent() ? ScopedPlans.versions(plan.items()) : java.util.Set.of(),
                        effects.worldKey(pipelineKey)))));
        String announced = step.effectPrefix() + "/attempt-" + attempt;
        List<PendingMigration> planned = planned(environment, plan);
        String expected = ExpectedRun.about(ExpectedRun.total(planned.stream()
                .map(m -> context.resources().durations().estimate(environment, m.database(), m.migration())).toList()).expected());
        context.announce(announced + "/started", Reply.ok("Running " + plan.items().size() + " post-deploy migration"
                + (plan.items().size() == 1 ? "" : "s") + " on " + environment.databaseEnvironment() + " (package `"
                + pkg.version() + "`, pipeline " + pipeline.id() + (pipeline.url().isBlank() ? "" : " " + pipeline.url())
                + "), expected " + expected + "." + ScopedPlans.limitedTo(context.scope())));

        PipelineStatus status = context.await(pipeline, runner::status);
        List<MigrationTiming> timings = learnDurations(context, environment, runner, pipeline, planned);

        if (status instanceof PipelineStatus.Failed failed) {
            recordExecuted(context, environment, plan);
            // a subset's migrations that the job log shows migrated did run (db:migrate keeps them in schema_migrations)
            if (context.scope().isPresent())
                for (String[] item : ScopedPlans.migratedIn(plan.items(), timings))
                    context.store().recordExecuted(context.runId(), environment, LogicalDatabase.byId(item[0]).orElseThrow(), item[1], item[2]);
            finishAll(effects, step, attempt, records, deployments, DeploymentRecords.Outcome.FAILED);
            String migration = failed.migrationVersion().map(v -> describe(plan, v)).orElse("a post-deploy migration");
            return new StepResult.Failed(migration + " failed on " + environment.databaseEnvironment() + " (job "
                    + failed.job() + "): " + failed.error(), failed.migrationVersion(), failed.error(), failed.jobUrl());
        }
        migrated[0] = true;
        effects.once(EffectKey.migrated(step, attempt), Effects.OnUnfinished.REPEAT_WITH_SAME_KEY,
                () -> "pipeline " + pipeline.id() + " succeeded");
        finishAll(effects, step, attempt, records, deployments, DeploymentRecords.Outcome.SUCCESS);
        // after the db/ deployments are marked success: on GitLab that is what says the migrations ran there
        // a subset's pipeline succeeded: it ran each of its migrations (GitLab's deployments cannot show it when partial)
        if (context.scope().isPresent())
            for (String[] item : plan.items())
                context.store().recordExecuted(context.runId(), environment, LogicalDatabase.byId(item[0]).orElseThrow(), item[1], item[2]);
        List<String[]> executed = recordExecuted(context, environment, plan);
        int labelled = labelMergeRequests(context, environment, deployments.get(DeploymentProject.CANONICAL));

        String counts = counts(executed);
        context.announce(announced + "/done", Reply.builder()
                .text(environment.databaseEnvironment() + ": " + executed.size() + " post-deploy migration"
                        + (executed.size() == 1 ? "" : "s") + " executed (" + counts + "); "
                        + (plan.partial() ? "" : "deployments marked success; ")
                        + labelled + " merge request" + (labelled == 1 ? "" : "s") + " labelled `" + label(environment) + "`."
                        + (plan.partial() ? " No " + environment.databaseEnvironment() + " deployment was recorded: the run is"
                        + " limited to a subset and migrations of the package stay pending there." : ""))
                .bullets(executed.stream().map(i -> "`" + i[1] + "` " + i[2] + " on " + i[0]).toList())
                .build());
        return new StepResult.Done(executed.size() + " executed (" + counts + ") on package " + pkg.version()
                + (plan.partial() ? "; no deployment recorded (subset)" : "; deployments canonical "
                + deployments.get(DeploymentProject.CANONICAL).id() + ", security " + deployments.get(DeploymentProject.SECURITY).id()));
    }

    private static List<PendingMigration> planned(Environment environment, Plan plan) {
        return plan.items().stream().map(i -> new PendingMigration(environment, LogicalDatabase.byId(i[0]).orElseThrow(),
                new PostMigration(i[1], i[2], PostMigration.DIRECTORY + i[1] + "_" + i[2] + ".rb"))).toList();
    }

    /** Keeps what the pipeline's job logs say of each migration's duration; a log that cannot be read only loses that. */
    private static List<MigrationTiming> learnDurations(RunContext context, Environment environment, PipelineRunner runner,
                                                        PipelineHandle pipeline, List<PendingMigration> planned) {
        try {
            List<MigrationTiming> timings = runner.migrationTimings(pipeline);
            int learnt = context.resources().durations().learn(environment, planned, timings,
                    "pipeline " + pipeline.id() + (pipeline.url().isBlank() ? "" : " " + pipeline.url()));
            log.info("run #{}: learnt {} migration duration(s) on {} from pipeline {}", context.runId(), learnt,
                    environment, pipeline.id());
            return timings;
        } catch (RuntimeException e) {
            log.warn("run #{}: could not read the migration durations of pipeline {}", context.runId(), pipeline.id(), e);
            return List.of();
        }
    }

    private static String encode(World world, PendingMigrations.DatabasesOf databasesOf, Environment environment,
                                 Optional<pdmbot.storage.runs.RunScope> scope) {
        Optional<AutoDeployPackage> pkg = world.deployments().packageOn(environment);
        if (pkg.isEmpty()) return "";
        List<String> lines = new ArrayList<>();
        lines.add(pkg.get().version().toString());
        List<PendingMigration> pending = new PendingMigrations(world.packages(), world.deployments(), world.databases(), databasesOf)
                .pendingOn(environment);
        List<PendingMigration> chosen = ScopedPlans.chosen(pending, scope);
        for (PendingMigration m : chosen)
            lines.add(m.database().id() + " " + m.migration().version() + " " + m.migration().name());
        if (chosen.size() < pending.size()) lines.add(ScopedPlans.PARTIAL);
        return EffectResults.lines(lines);
    }

    private static Plan decode(String stored) {
        List<String> lines = EffectResults.lines(stored);
        if (lines.isEmpty()) return new Plan("", List.of(), false);
        List<String> items = lines.subList(1, lines.size());
        return new Plan(lines.get(0), items.stream().filter(l -> !l.equals(ScopedPlans.PARTIAL)).map(l -> l.split(" ")).toList(),
                items.contains(ScopedPlans.PARTIAL));
    }

    private static String describe(Plan plan, String version) {
        return plan.items().stream().filter(i -> i[1].equals(version)).findFirst()
                .map(i -> "`" + version + "` " + i[2]).orElse("`" + version + "`");
    }

    /** Records, once each, the planned migrations the database now shows as run. */
    private static List<String[]> recordExecuted(RunContext context, Environment environment, Plan plan) {
        List<String[]> executed = new ArrayList<>();
        for (String[] item : plan.items()) {
            LogicalDatabase database = LogicalDatabase.byId(item[0]).orElseThrow();
            if (context.resources().world().databases().hasRun(environment, database, item[1])) {
                context.store().recordExecuted(context.runId(), environment, database, item[1], item[2]);
                executed.add(item);
            }
        }
        return executed;
    }

    private static void finishAll(Effects effects, RunStep step, int attempt, DeploymentRecords records,
                                  Map<DeploymentProject, DeploymentRecord> deployments, DeploymentRecords.Outcome outcome) {
        for (DeploymentRecord deployment : deployments.values()) {
            effects.once(EffectKey.deploymentFinished(step, attempt, deployment.project()),
                    Effects.OnUnfinished.REPEAT_WITH_SAME_KEY, () -> {
                        records.finish(deployment, outcome);
                        return outcome.name().toLowerCase();
                    });
        }
    }

    /**
     * The newest earlier attempt whose pipeline succeeded may have stopped before its deployments were all marked
     * success or before what ran was recorded (a world error there): both are done now, each once. On GitLab the
     * marks are what says the migrations ran, so the plan of this attempt is then empty, and its count right.
     */
    private static void finishEarlierMigratedAttempt(RunContext context, Environment environment) {
        Map<String, pdmbot.storage.runs.SideEffect> done = Effects.doneByKey(context.store().effects(context.runId()));
        RunStep step = context.step();
        for (int earlier = context.attempt() - 1; earlier >= 1; earlier--) {
            if (!done.containsKey(EffectKey.migrated(step, earlier).text())) continue;
            finishAll(context.effects(), step, earlier, context.resources().operations().deploymentRecords(),
                    EarlierDeployments.of(done, step, earlier), DeploymentRecords.Outcome.SUCCESS);
            pdmbot.storage.runs.SideEffect plan = done.get(EffectKey.plan(step, earlier).text());
            if (plan != null) recordExecuted(context, environment, decode(plan.result()));
            return;
        }
    }

    /**
     * Nothing is pending: either nothing was, or an earlier attempt of this step ran it all and stopped after (a label
     * refused, say). Then its merge requests are labelled now; labels already added are not added again.
     */
    private static StepResult nothingLeft(RunContext context, Environment environment) {
        long executed = context.store().executed(context.runId()).stream().filter(m -> m.environment() == environment).count();
        Optional<EarlierDeployments> earlier = EarlierDeployments.newest(context, context.step(), context.attempt() - 1);
        if (earlier.isEmpty() || executed == 0) return new StepResult.Done(context.scope().isPresent()
                ? "the run's subset holds nothing pending on " + environment : "nothing pending on " + environment);
        // The earlier attempt ran everything and stopped after: its deployments are marked success (once).
        finishAll(context.effects(), context.step(), earlier.get().attempt(), context.resources().operations().deploymentRecords(),
                earlier.get().byProject(), DeploymentRecords.Outcome.SUCCESS);
        DeploymentRecord canonical = earlier.get().byProject().get(DeploymentProject.CANONICAL);
        if (canonical == null) return new StepResult.Done("nothing pending on " + environment);
        int labelled = labelMergeRequests(context, environment, canonical);
        return new StepResult.Done(executed + " executed by an earlier attempt; " + labelled + " merge request"
                + (labelled == 1 ? "" : "s") + " labelled");
    }

    /** Labels the merge request of every migration this run executed on the environment, each once. */
    private static int labelMergeRequests(RunContext context, Environment environment, DeploymentRecord deployment) {
        Set<MergeRequestRef> mergeRequests = new LinkedHashSet<>();
        context.store().executed(context.runId()).stream().filter(m -> m.environment() == environment)
                .forEach(m -> context.resources().mergeRequests().of(m.version()).ifPresent(mergeRequests::add));
        var updates = context.resources().operations().mergeRequests();
        for (MergeRequestRef mr : mergeRequests) {
            context.effects().once(EffectKey.ofStep(context.step(), "label/" + mr), Effects.OnUnfinished.REPEAT_WITH_SAME_KEY, () -> {
                updates.addLabel(mr, label(environment));
                return label(environment);
            });
            if (deployment == null) continue; // a subset that recorded no deployment links none
            context.effects().once(EffectKey.ofStep(context.step(), "environment/" + mr), Effects.OnUnfinished.REPEAT_WITH_SAME_KEY, () -> {
                updates.addEnvironment(mr, environment, deployment);
                return environment.databaseEnvironment();
            });
        }
        return mergeRequests.size();
    }

    private static String counts(List<String[]> executed) {
        Map<String, Integer> perDatabase = new java.util.TreeMap<>();
        for (String[] item : executed) perDatabase.merge(item[0], 1, Integer::sum);
        if (perDatabase.isEmpty()) return "none";
        List<String> parts = new ArrayList<>();
        perDatabase.forEach((db, n) -> parts.add(db + " " + n));
        return String.join(", ", parts);
    }
}
