package pdmbot.world.gitlab;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;
import pdmbot.world.DatabaseState;
import pdmbot.world.MigrationRun;

/**
 * Which post-deploy migrations ran on {@code db/gstg} and {@code db/gprd}, as far as GitLab can tell. GitLab's API
 * does not expose {@code schema_migrations}, so this is an approximation: a post-deploy migration has run on
 * {@code db/X} when a successful {@code db/X} deployment (on the canonical or the security project) deployed a
 * commit whose tree holds it. It ran "at" the finish of the oldest such deployment among the newest few, so older
 * migrations carry that deployment's time, a bound rather than the real time. Every database the migration applies
 * to counts as run: the pipeline runs them all or fails the deployment.
 */
public final class GitLabDatabaseState implements DatabaseState {

    private static final Logger log = LoggerFactory.getLogger(GitLabDatabaseState.class);
    /** How many successful deployments are read to date the migrations. */
    static final int DEPLOYMENTS_READ = 3;
    private static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private record Answer(Instant readAt, List<MigrationRun> runs) {
    }

    private final DeploymentHistory history;
    private final List<String> projects;
    private final Function<String, GitLabRepository> repositories;
    private final Clock clock;
    private final Map<Environment, Answer> recent = new java.util.EnumMap<>(Environment.class);

    GitLabDatabaseState(DeploymentHistory history, List<String> projects, Function<String, GitLabRepository> repositories,
                        Clock clock) {
        this.history = history;
        this.projects = List.copyOf(projects);
        this.repositories = repositories;
        this.clock = clock;
    }

    @Override
    public List<MigrationRun> ranOn(Environment environment, LogicalDatabase database) {
        DatabaseState.requireDatabaseEnvironment(environment);
        synchronized (recent) {
            Answer answer = recent.get(environment);
            // pending checks ask once per migration; one answer serves them for a short while
            if (answer != null && answer.readAt().plus(FRESH_FOR).isAfter(clock.instant())) return answer.runs();
        }
        List<MigrationRun> runs = read(environment);
        synchronized (recent) {
            recent.put(environment, new Answer(clock.instant(), runs));
        }
        return runs;
    }

    private List<MigrationRun> read(Environment environment) {
        List<DeploymentHistory.Deployment> deployments = new ArrayList<>();
        for (String project : projects)
            deployments.addAll(history.successful(project, environment.databaseEnvironment(), DEPLOYMENTS_READ));
        deployments.sort(Comparator.comparing(DeploymentHistory.Deployment::finishedAt).reversed());
        if (deployments.size() > DEPLOYMENTS_READ) deployments = deployments.subList(0, DEPLOYMENTS_READ);
        Map<String, Instant> ranAt = new TreeMap<>();
        // newest first: an older deployment holding the same migration moves its time back
        for (DeploymentHistory.Deployment d : deployments) {
            for (String path : repositories.apply(d.project()).postMigrateTree(d.sha()).keySet())
                PostMigration.fromPath(path).ifPresent(m -> ranAt.put(m.version(), d.finishedAt()));
        }
        List<MigrationRun> runs = new ArrayList<>(ranAt.size());
        ranAt.forEach((version, at) -> runs.add(new MigrationRun(version, at)));
        return List.copyOf(runs);
    }

    /** Drops the cached answer for the environment: a deployment of it was just finished by this world. */
    void forget(Environment environment) {
        synchronized (recent) {
            recent.remove(environment);
        }
    }

    /** GitLab keeps no such record to write to: the post-deploy pipeline's {@code db/X} deployment is the record. */
    @Override
    public void recordRun(Environment environment, LogicalDatabase database, String version, Instant ranAt) {
        log.debug("not recording {} on {} {}: on GitLab the successful {} deployment records it", version,
                environment.databaseEnvironment(), database, environment.databaseEnvironment());
    }
}
