package pdmbot.emulator;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pdmbot.emulator.EmulatorState.Deployment;
import pdmbot.emulator.EmulatorState.Project;

/**
 * Fills the emulator as GitLab's own records would be: users and tokens, groups, projects with their git
 * repositories, the jobs their pipelines run, deployments, issues with labels, merge requests with approvals, the
 * instance's migrations and batched background migrations. Each call is applied under the request lock and saved.
 */
public final class EmulatorSeed {

    /** A job the project's pipelines run; {@code $VARIABLE} in the name is replaced by the pipeline's variable. */
    public record JobSpec(String name, String stage, String kind, String downstreamProject) {
        public JobSpec {
            if (!java.util.List.of("build", "bridge", "manual").contains(kind))
                throw new IllegalArgumentException("a job is a build, a bridge or a manual (blocking) build: " + kind);
        }

        public static JobSpec build(String name, String stage) {
            return new JobSpec(name, stage, "build", null);
        }

        /** A trigger job, listed by {@code /bridges} and not by {@code /jobs}, with no downstream pipeline. */
        public static JobSpec bridge(String name, String stage) {
            return new JobSpec(name, stage, "bridge", null);
        }

        /**
         * A trigger job with {@code trigger: project, strategy: depend}: it starts a pipeline in {@code project} on
         * its default branch with the upstream variables, and ends as that pipeline ends.
         */
        public static JobSpec trigger(String name, String stage, String project) {
            return new JobSpec(name, stage, "bridge", project);
        }

        /** A {@code when: manual} job with {@code allow_failure: false}: the pipeline waits in {@code manual}. */
        public static JobSpec manual(String name, String stage) {
            return new JobSpec(name, stage, "manual", null);
        }
    }

    private final EmulatorWorld world;

    EmulatorSeed(EmulatorWorld world) {
        this.world = world;
    }

    /** Runs a whole seed with one atomic save at the end: faster, and a crash leaves the folder as it was. */
    public void inOneSave(Runnable seed) {
        synchronized (world.lock) {
            world.inOneSave(seed);
        }
    }

    /** Whether nothing was ever seeded (no project): a seed runs once per data folder. */
    public boolean isEmpty() {
        synchronized (world.lock) {
            return world.state.projects.isEmpty();
        }
    }

    /** Where a project's repository should live inside the emulator's folder: {@code repositories/<path>.git}. */
    public Path repositoryFolder(String fullPath) {
        return world.folder().resolve("repositories").resolve(fullPath + ".git");
    }

    public long user(String username, String name, boolean admin) {
        synchronized (world.lock) {
            Optional<EmulatorState.User> existing = world.state.users.stream().filter(u -> u.username().equals(username)).findFirst();
            if (existing.isPresent()) return existing.get().id();
            EmulatorState.User u = new EmulatorState.User(world.state.nextId(), username, name, admin);
            world.state.users.add(u);
            world.save();
            return u.id();
        }
    }

    /** A personal access token of {@code username} with scopes such as {@code api} or {@code read_api}. */
    public void token(String value, String username, String... scopes) {
        synchronized (world.lock) {
            long userId = userId(username);
            world.state.tokens.removeIf(t -> t.value().equals(value));
            world.state.tokens.add(new EmulatorState.Token(value, userId, List.of(scopes)));
            world.save();
        }
    }

    /** A token of {@code username} seeded before (a restarted emulator keeps it), if any. */
    public Optional<String> tokenOf(String username) {
        synchronized (world.lock) {
            return world.state.users.stream().filter(u -> u.username().equals(username)).findFirst()
                    .flatMap(u -> world.state.tokens.stream().filter(t -> t.userId() == u.id()).map(EmulatorState.Token::value).findFirst());
        }
    }

    public long group(String fullPath, String name) {
        synchronized (world.lock) {
            EmulatorState.Group g = new EmulatorState.Group(world.state.nextId(), fullPath, name);
            world.state.groups.add(g);
            world.save();
            return g.id();
        }
    }

    /** A project whose repository is the git directory (or work tree) at {@code repository}. */
    public long project(String fullPath, String visibility, String defaultBranch, Path repository) {
        if (!List.of("public", "internal", "private").contains(visibility))
            throw new UnableToSeedEmulatorException("visibility must be public, internal or private, not " + visibility, null);
        synchronized (world.lock) {
            if (world.projectByPath(fullPath).isPresent())
                throw new UnableToSeedEmulatorException(fullPath + " exists already", null);
            Path absolute = repository.toAbsolutePath().normalize();
            String stored = absolute.startsWith(world.folder()) ? world.folder().relativize(absolute).toString() : absolute.toString();
            Project p = new Project(world.state.nextId(), fullPath, visibility, defaultBranch, stored);
            world.state.projects.add(p);
            world.save();
            return p.id();
        }
    }

    /** Re-reads a project's repository after the caller wrote to it. */
    public void repositoryChanged(String fullPath) {
        synchronized (world.lock) {
            world.reopen(project(fullPath).id());
        }
    }

    public void pipelineJobs(String fullPath, JobSpec... jobs) {
        synchronized (world.lock) {
            world.state.jobTemplates.put(project(fullPath).id(), java.util.Arrays.stream(jobs)
                    .map(j -> new EmulatorState.JobTemplate(j.name(), j.stage(), j.kind(), j.downstreamProject())).toList());
            world.save();
        }
    }

    /**
     * A deployment as release tooling records it through the API (no deployable), at {@code createdAt}, finished
     * at {@code finishedAt} when its status is final. The ref and sha must resolve in that project, as POST requires.
     */
    public long deployment(String fullPath, String environment, String ref, String sha, boolean tag, String status,
                           String username, Instant createdAt, Instant finishedAt) {
        synchronized (world.lock) {
            Project p = project(fullPath);
            ProjectRepository repo = world.repository(p);
            if (repo.commit(ref).isEmpty()) throw new UnableToSeedEmulatorException(ref + " does not resolve in " + fullPath, null);
            if (repo.commit(sha).isEmpty()) throw new UnableToSeedEmulatorException(sha + " is not a commit of " + fullPath, null);
            EmulatorState.Environment env = new DeploymentRoutes(world).findOrCreateEnvironment(p, environment, createdAt);
            long iid = world.state.deployments.stream().filter(d -> d.projectId() == p.id()).mapToLong(Deployment::iid).max().orElse(0) + 1;
            Instant updated = finishedAt != null ? finishedAt : createdAt;
            Deployment d = new Deployment(world.state.nextId(), iid, p.id(), env.id(), ref, sha, tag, status,
                    userId(username), createdAt, updated, finishedAt);
            world.state.deployments.add(d);
            world.save();
            return d.id();
        }
    }

    /** An open issue; returns its iid. */
    public long issue(String fullPath, String title, String description, List<String> labels, String issueType,
                      String username) {
        synchronized (world.lock) {
            long iid = world.createIssue(project(fullPath), title, description, labels, issueType, userId(username)).iid();
            world.save();
            return iid;
        }
    }

    /** A merged merge request: its own head commit {@code sha}, merged as {@code mergeCommitSha} (may equal sha when squashed). */
    public long mergeRequest(String fullPath, long iid, String title, String sourceBranch, String targetBranch, String sha,
                             String mergeCommitSha, List<String> labels, String author, List<String> approvers,
                             int approvalsRequired, Instant mergedAt) {
        synchronized (world.lock) {
            Project p = project(fullPath);
            List<Long> approvedBy = approvers.stream().map(this::userId).toList();
            world.state.mergeRequests.add(new EmulatorState.MergeRequest(world.state.nextId(), iid, p.id(), title, "",
                    "merged", sourceBranch, targetBranch, sha, mergeCommitSha, List.copyOf(labels), userId(author),
                    approvedBy, approvalsRequired, mergedAt.minusSeconds(86_400), mergedAt, mergedAt));
            EmulatorState.MergeRequest added = world.state.mergeRequests.get(world.state.mergeRequests.size() - 1);
            LabelEventRoutes.seedEvents(world, added, approvedBy);
            world.save();
            return iid;
        }
    }

    /** A row of the instance's schema_migrations for {@code database} (main or ci): ran, or pending. */
    public void migration(String database, String version, String name, boolean ran) {
        synchronized (world.lock) {
            world.state.migrations.removeIf(m -> m.database().equals(database) && m.version().equals(version));
            world.state.migrations.add(new EmulatorState.Migration(database, version, name, ran ? "up" : "down"));
            world.save();
        }
    }

    public long batchedMigration(String database, String jobClassName, String table, String column, String status,
                                 double progress, Instant createdAt) {
        synchronized (world.lock) {
            EmulatorState.BatchedMigration b = new EmulatorState.BatchedMigration(world.state.nextId(), database,
                    jobClassName, table, column, status, progress, createdAt);
            world.state.batchedMigrations.add(b);
            world.save();
            return b.id();
        }
    }

    /** Plans a failure as {@code POST /-/emulator/failures} does. */
    public void failNext(String fullPath, Map<String, String> variables, String job, String migration, String error) {
        synchronized (world.lock) {
            world.planFailure(fullPath, variables, job, migration, error);
            world.save();
        }
    }

    /** Forgets every planned failure, as {@code DELETE /-/emulator/failures} does; returns how many there were. */
    public int clearFailures() {
        synchronized (world.lock) {
            int n = world.state.plannedFailures.size();
            world.state.plannedFailures.clear();
            world.save();
            return n;
        }
    }

    private Project project(String fullPath) {
        return world.projectByPath(fullPath).orElseThrow(() -> new UnableToSeedEmulatorException("no project " + fullPath, null));
    }

    private long userId(String username) {
        return world.state.users.stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new UnableToSeedEmulatorException("no user " + username, null)).id();
    }
}
