package pdmbot.emulator;

import pdmbot.emulator.EmulatorState.Failure;
import pdmbot.emulator.EmulatorState.Pipeline;

/**
 * A job's log as the runner streams it: ANSI colours, {@code \e[0K} line clears and GitLab's collapsible
 * {@code section_start:<unix>:<name>\r\e[0K} / {@code section_end} markers (gitlab-runner's output, parsed by
 * GitLab's {@code lib/gitlab/ci/ansi2html.rb}); shaped after bot/src/test/resources/gitlab/job-trace-post-deploy-migration-failed.log.
 */
final class JobTrace {

    private static final String ESC = "\u001B";
    private static final String CLEAR = ESC + "[0K";

    private JobTrace() {
    }

    static String of(Pipeline pipeline, PipelineTimeline.JobState job) {
        return of(pipeline, job, java.util.List.of());
    }

    /**
     * With the migrations the pipeline's {@code db:migrate} ran ({@link DeployerMigrations}): a finished migration job
     * prints each as ActiveRecord's {@code Migration#announce} does, behind GitLab's database prefix
     * ({@code main: == 20231107025611 RemoveFoo: migrating ====} … {@code migrated (12.3456s)}; activerecord
     * migration.rb, gitlabhq lib/gitlab/database/migration_helpers/announce_database.rb); a failed one stops at the
     * failing migration's {@code migrating} line.
     */
    static String of(Pipeline pipeline, PipelineTimeline.JobState job, java.util.List<DeployerMigrations.Ran> ran) {
        if (job.startedAt() == null) return "";
        StringBuilder log = new StringBuilder();
        long start = job.startedAt().getEpochSecond();
        log.append(CLEAR).append("Running with gitlab-runner 16.5.0 (853330f9)\n");
        log.append(CLEAR).append(ESC).append("[36;1mPreparing the \"docker\" executor").append(ESC).append("[0;m\n");
        log.append("section_start:").append(start).append(":step_script\r").append(CLEAR).append(ESC)
                .append("[32;1m$ ").append(command(job.job().name())).append(ESC).append("[0;m\n");
        for (EmulatorState.Variable v : pipeline.variables())
            if (!v.key().startsWith("PDM_EFFECT")) log.append(v.key()).append("=").append(v.value()).append('\n');
        Failure failure = pipeline.failure();
        boolean failed = "failed".equals(job.status());
        boolean migrates = job.job().name().contains("migrat");
        String failing = failed && failure != null ? failure.migration() : null;
        if (migrates && job.finishedAt() != null && (!failed || failing != null)) {
            for (DeployerMigrations.Ran r : ran) {
                if (r.version().equals(failing)) break;
                announce(log, r.database(), r.version(), r.className(), "migrating");
                log.append(r.database()).append(": -- transaction_open?(nil)\n").append(r.database()).append(":    -> 0.0000s\n");
                announce(log, r.database(), r.version(), r.className(),
                        String.format(java.util.Locale.ROOT, "migrated (%d.%04ds)", r.millis() / 1000, (r.millis() % 1000) * 10));
                log.append('\n');
            }
        }
        if (failing != null) {
            String database = ran.stream().filter(r -> r.version().equals(failing)).map(DeployerMigrations.Ran::database)
                    .findFirst().orElse("main");
            String name = failure.migrationName() == null ? "PostDeployMigration" : camel(failure.migrationName());
            announce(log, database, failing, name, "migrating");
            log.append(database).append(": -- transaction_open?(nil)\n").append(database).append(":    -> 0.0000s\n");
        }
        if (job.finishedAt() == null) return log.toString();
        long end = job.finishedAt().getEpochSecond();
        if (failed && job.job().name().contains("migrat")) {
            log.append("rake aborted!\n");
            log.append("StandardError: An error has occurred, this and all later migrations canceled:\n\n");
            log.append(failure == null || failure.error() == null
                    ? "PG::QueryCanceled: ERROR:  canceling statement due to statement timeout" : failure.error()).append('\n');
        } else if (failed) {
            log.append(failure == null || failure.error() == null ? "the job's script exited with 1" : failure.error()).append('\n');
        }
        if (failed) {
            log.append("section_end:").append(end).append(":step_script\r").append(CLEAR).append(ESC)
                    .append("[31;1mERROR: Job failed: exit code 1\n").append(ESC).append("[0;m\n");
        } else {
            log.append("section_end:").append(end).append(":step_script\r").append(CLEAR).append(ESC)
                    .append("[32;1mJob succeeded\n").append(ESC).append("[0;m\n");
        }
        return log.toString();
    }

    /** {@code Migration#announce}: {@code "== %s %s" % [text, "=" * [0, 75 - text.length].max]}, with the database prefix. */
    private static void announce(StringBuilder log, String database, String version, String name, String message) {
        String text = version + " " + name + ": " + message;
        log.append(database).append(": == ").append(text).append(' ').append("=".repeat(Math.max(0, 75 - text.length())))
                .append('\n');
    }

    private static String command(String jobName) {
        return jobName.contains("migrat") ? "bundle exec rake db:migrate" : "./bin/" + jobName;
    }

    static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.split("_")) if (!part.isEmpty()) out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return out.toString();
    }
}
