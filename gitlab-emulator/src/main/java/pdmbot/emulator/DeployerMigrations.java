package pdmbot.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * What a deployer post-deploy migration pipeline ran, for its job log: the post-deploy migrations in the tree of the
 * package it deploys ({@code DEPLOY_VERSION}, whose rails sha the security project resolves) that are not in the tree
 * of the newest {@code db/<DEPLOY_ENVIRONMENT>} deployment that succeeded before the pipeline was created — what
 * {@code db:migrate} finds pending. The order is GitLab's {@code db:migrate} with several databases: every migration
 * of {@code main}, then of {@code ci} (lib/tasks/gitlab/db.rake runs {@code db:migrate:<name>} per database); a
 * migration restricted to one schema family ({@code restrict_gitlab_migration gitlab_schema: :gitlab_ci}) runs on that
 * database only (lib/gitlab/database/migration_helpers/restrict_gitlab_schema.rb). How long each took is derived
 * from what its file does, so it is the same on every read.
 */
final class DeployerMigrations {

    /**
     * Limits a pipeline to these versions (comma-separated), as the bot asks for a run of a subset. This is pdm-bot's
     * convention, not GitLab's: release-tools' post-deploy migration pipeline has no such input (it migrates the
     * package's every pending migration); a deployer honouring it would run {@code db:migrate:up VERSION=} per version.
     */
    static final String ONLY = "PDM_MIGRATION_VERSIONS";
    static final String SECURITY = "gitlab-org/security/gitlab";
    static final String CANONICAL = "gitlab-org/gitlab";
    private static final String FOLDER = "db/post_migrate";
    private static final Pattern RAILS_SHA = Pattern.compile("[-+]([0-9a-f]{11})\\.");
    private static final Pattern FILE = Pattern.compile("(\\d{14})_([a-z0-9_]+)\\.rb");

    /** One line pair of the log: a migration on a database, and how long it took. */
    record Ran(String database, String version, String className, long millis) {
    }

    private DeployerMigrations() {
    }

    /** The migrations the pipeline's {@code db:migrate} ran, in order; empty when its variables name no package. */
    static List<Ran> of(EmulatorWorld world, EmulatorState.Pipeline pipeline) {
        String environment = variable(pipeline, "DEPLOY_ENVIRONMENT").map(e -> e.replaceFirst("^db/", "")).orElse("");
        Optional<String> version = variable(pipeline, "DEPLOY_VERSION");
        if (environment.isEmpty() || version.isEmpty()) return List.of();
        Matcher sha = RAILS_SHA.matcher(version.get());
        if (!sha.find()) return List.of();
        Optional<EmulatorState.Project> security = world.projectByPath(SECURITY);
        if (security.isEmpty()) return List.of();
        ProjectRepository repository = world.repository(security.get());
        Optional<RevCommit> deployed = repository.commit(sha.group(1));
        if (deployed.isEmpty()) return List.of();
        TreeMap<String, String> pending = files(repository, deployed.get());
        lastRanSha(world, "db/" + environment, pipeline.createdAt()).flatMap(repository::commit)
                .ifPresent(ran -> pending.keySet().removeAll(files(repository, ran).keySet()));
        // schema_migrations also holds what earlier limited pipelines ran: they record no db/ deployment
        pending.keySet().removeAll(ranByLimitedPipelines(world, pipeline, environment));
        Optional<String> only = variable(pipeline, ONLY);
        if (only.isPresent()) pending.keySet().retainAll(versions(only.get()));
        List<Ran> main = new ArrayList<>();
        List<Ran> ci = new ArrayList<>();
        for (var file : pending.entrySet()) {
            String content = repository.file(deployed.get(), FOLDER + "/" + file.getValue())
                    .map(b -> new String(b.content(), StandardCharsets.UTF_8)).orElse("");
            Matcher m = FILE.matcher(file.getValue());
            if (!m.matches()) continue;
            String className = JobTrace.camel(m.group(2));
            boolean ciOnly = content.contains("gitlab_schema: :gitlab_ci");
            boolean mainOnly = !ciOnly && Pattern.compile("gitlab_schema: :gitlab_main").matcher(content).find();
            if (!ciOnly) main.add(new Ran("main", file.getKey(), className, millis(file.getKey(), content, "main")));
            if (!mainOnly) ci.add(new Ran("ci", file.getKey(), className, millis(file.getKey(), content, "ci")));
        }
        List<Ran> all = new ArrayList<>(main);
        all.addAll(ci);
        return all;
    }

    private static Optional<String> variable(EmulatorState.Pipeline pipeline, String key) {
        return pipeline.variables().stream().filter(v -> v.key().equals(key)).map(EmulatorState.Variable::value)
                .filter(v -> !v.isBlank()).findFirst();
    }

    private static Set<String> versions(String list) {
        Set<String> versions = new java.util.TreeSet<>();
        for (String v : list.split(",")) if (!v.isBlank()) versions.add(v.strip());
        return versions;
    }

    /** The versions of every limited deployer pipeline of the environment that succeeded before {@code pipeline} was created. */
    private static Set<String> ranByLimitedPipelines(EmulatorWorld world, EmulatorState.Pipeline pipeline, String environment) {
        Set<String> ran = new java.util.TreeSet<>();
        for (EmulatorState.Pipeline earlier : world.state.pipelines) {
            if (earlier.id() == pipeline.id() || earlier.projectId() != pipeline.projectId()
                    || !earlier.createdAt().isBefore(pipeline.createdAt())) continue;
            Optional<String> only = variable(earlier, ONLY);
            if (only.isEmpty() || !variable(earlier, "DEPLOY_ENVIRONMENT").map(e -> e.replaceFirst("^db/", "")).orElse("").equals(environment))
                continue;
            String status = PipelineTimeline.at(earlier, world.settings.pipelineStep(), pipeline.createdAt(),
                    id -> world.state.pipelines.stream().filter(x -> x.id() == id).findFirst().orElse(null)).status();
            if (status.equals("success")) ran.addAll(versions(only.get()));
        }
        return ran;
    }

    /** Version → file name of every post-deploy migration in the tree at {@code commit}. */
    private static TreeMap<String, String> files(ProjectRepository repository, RevCommit commit) {
        TreeMap<String, String> files = new TreeMap<>();
        for (ProjectRepository.TreeEntry entry : repository.tree(commit, FOLDER, false).orElse(List.of())) {
            Matcher m = FILE.matcher(entry.name());
            if (entry.type().equals("blob") && m.matches()) files.put(m.group(1), entry.name());
        }
        return files;
    }

    /** The sha of the newest successful deployment of the environment (canonical or security) finished before {@code at}. */
    private static Optional<String> lastRanSha(EmulatorWorld world, String environment, Instant at) {
        Set<Long> environments = new java.util.HashSet<>();
        for (String project : List.of(SECURITY, CANONICAL))
            world.projectByPath(project).ifPresent(p -> world.state.environments.stream()
                    .filter(e -> e.projectId() == p.id() && e.name().equals(environment))
                    .forEach(e -> environments.add(e.id())));
        return world.state.deployments.stream()
                .filter(d -> environments.contains(d.environmentId()) && d.status().equals("success")
                        && d.finishedAt() != null && !d.finishedAt().isAfter(at))
                .max(Comparator.comparing(EmulatorState.Deployment::finishedAt).thenComparing(EmulatorState.Deployment::id))
                .map(EmulatorState.Deployment::sha);
    }

    /**
     * A duration in the range a migration of that kind takes on GitLab.com: building an index or validating a
     * constraint minutes, inline row updates about a minute, dropping objects seconds, scheduling Sidekiq work
     * milliseconds; ci's tables are smaller. Spread within the range by the version, so each migration differs.
     */
    static long millis(String version, String content, String database) {
        String code = content.toLowerCase(Locale.ROOT);
        long base;
        if (code.contains("add_concurrent_index") || code.contains("validate_foreign_key") || code.contains("add_concurrent_foreign_key")
                || code.contains("validate_check_constraint")) base = 240_000;
        else if (code.contains("update_column_in_batches") || code.contains("update_all") || code.contains("each_batch")
                || code.contains("delete_all")) base = 60_000;
        else if (code.contains("ensure_batched_background_migration_is_finished") || code.contains("finalize")) base = 20_000;
        else if (code.contains("remove_") || code.contains("drop_") || code.contains("rename_")) base = 4_000;
        else base = 50;
        long spread = Math.floorMod(version.hashCode(), 1000);
        long millis = base + base * spread / 1000;
        return database.equals("ci") ? Math.max(10, millis / 3) : millis;
    }
}
