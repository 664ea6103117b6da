package pdmbot.world.demo;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.emulator.Emulator;
import pdmbot.emulator.EmulatorSeed;
import pdmbot.emulator.EmulatorSeed.JobSpec;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.demo.DemoGitLabRepositories.SeededPackage;
import pdmbot.world.demo.DemoPlan.PlannedCommit;
import pdmbot.world.demo.DemoPlan.PlannedMigration;

/**
 * Seeds a GitLab emulator with the demo world in GitLab.com's layout: code in {@value #CANONICAL} and
 * {@value #SECURITY}, package tags in {@value #OMNIBUS}, deployments of every environment on both rails projects
 * (security: auto-deploy branch + rails sha; canonical: {@code master} + the same sha, the intersection when there
 * are no picks), {@code db/gstg}/{@code db/gprd} up to the packages whose migrations ran there, the production
 * tracker, the release tasks project with its release issue, the deployer and QA projects, the merge requests with
 * approvals and workflow labels, and gprd's schema_migrations for the admin API. Runs once per emulator folder.
 */
public final class DemoSeed {

    /** The seed the demo world is generated from unless told otherwise. */
    public static final long DEFAULT_SEED = 20231101L;
    public static final String CANONICAL = "gitlab-org/gitlab";
    public static final String SECURITY = "gitlab-org/security/gitlab";
    public static final String OMNIBUS = "gitlab-org/security/omnibus-gitlab";
    public static final String PRODUCTION = "gitlab-com/gl-infra/production";
    public static final String RELEASE_TASKS = "gitlab-org/release/tasks";
    public static final String DEPLOYER = "gitlab-com/gl-infra/deployer";
    public static final String QA = "gitlab-org/quality/staging";
    static final String RELEASE_BOT = "gitlab-release-tools-bot";
    static final String OPERATOR = "pdm-operator";
    /**
     * The demo's database maintainers: a migrating merge request is approved by a maintainer and by one of them, who
     * adds {@code database::approved} (GitLab's database review, doc/development/database_review.md).
     */
    public static final List<String> DATABASE_MAINTAINERS = List.of("dbmaint-amara", "dbmaint-jonas", "dbmaint-keiko");
    private static final List<String> MAINTAINERS = List.of("maint-lucia", "maint-omar", "maint-pieter", "maint-sana");

    /** What a user needs to point the bot at the seeded emulator. */
    public record Seeded(String token, String releaseIssue, int packages, boolean wasSeededNow) {
    }

    private DemoSeed() {
    }

    /** Seeds {@code emulator} from the demo plan of {@code seed}, unless it holds projects already. */
    public static Seeded ensure(Emulator emulator, long seed) {
        EmulatorSeed s = emulator.seed();
        if (!s.isEmpty()) {
            String token = s.tokenOf(OPERATOR).orElseThrow(() -> new UnableToGenerateDemoWorldException(
                    emulator.folder() + " holds an emulator that was not seeded with the demo world", null));
            return new Seeded(token, RELEASE_TASKS + "#1", 0, false);
        }
        removeHalfSeededRepositories(s.repositoryFolder("x").getParent());
        Seeded[] seeded = new Seeded[1];
        s.inOneSave(() -> {
            try {
                seeded[0] = seed(s, DemoHistory.plan(seed));
            } catch (IOException | GitAPIException e) {
                throw new UnableToGenerateDemoWorldException("cannot seed the GitLab emulator in " + emulator.folder()
                        + ": " + e.getMessage(), e);
            }
        });
        return seeded[0];
    }

    private static Seeded seed(EmulatorSeed s, DemoPlan plan) throws IOException, GitAPIException {
        String token = "emulator-" + HexFormat.of().formatHex(SecureRandom.getSeed(16));
        s.user("root", "Administrator", true);
        s.user(RELEASE_BOT, "GitLab Release Tools Bot", false);
        s.user(OPERATOR, "PDM operator", true);
        for (String maintainer : MAINTAINERS) s.user(maintainer, maintainer, false);
        for (String maintainer : DATABASE_MAINTAINERS) s.user(maintainer, maintainer, false);
        s.token(token, OPERATOR, "api");
        for (DemoPlan.PlannedPackage p : plan.packages())
            for (PlannedCommit c : p.commits()) s.user(username(c.author()), c.author().name(), false);

        List<AutoDeployPackage> rails = DemoGitLabRepositories.writeCanonical(s.repositoryFolder(CANONICAL), plan);
        s.project(CANONICAL, "public", "master", s.repositoryFolder(CANONICAL));
        List<String> branches = DemoGitLabRepositories.writeSecurity(s.repositoryFolder(SECURITY), s.repositoryFolder(CANONICAL), rails);
        s.project(SECURITY, "private", "master", s.repositoryFolder(SECURITY));
        List<SeededPackage> packages = DemoGitLabRepositories.writeOmnibus(s.repositoryFolder(OMNIBUS), rails, branches);
        s.project(OMNIBUS, "private", "master", s.repositoryFolder(OMNIBUS));

        DemoState state = DemoStatePlanner.initial(plan, rails);
        deployments(s, packages);
        mergeRequests(s, plan, DemoGitLabRepositories.history(s.repositoryFolder(CANONICAL)), state, packages);
        migrations(s, plan, state);
        Instant first = packages.get(0).builtAt();
        trackerAndProjects(s, first);
        return new Seeded(token, RELEASE_TASKS + "#1", packages.size(), true);
    }

    /** Repositories left by a seed that crashed before its state was saved: the state never named them. */
    private static void removeHalfSeededRepositories(java.nio.file.Path repositories) {
        if (!java.nio.file.Files.exists(repositories)) return;
        try (var paths = java.nio.file.Files.walk(repositories)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UnableToGenerateDemoWorldException("cannot remove the half-seeded " + repositories + ": " + e.getMessage(), e);
        }
    }

    static String username(DemoPlan.Author author) {
        return author.email().substring(0, author.email().indexOf('@'));
    }

    /** Every package reached each environment in turn; the newest ones stopped where DemoStatePlanner puts them. */
    private static void deployments(EmulatorSeed s, List<SeededPackage> packages) {
        Map<Environment, Integer> reached = Map.of(Environment.GSTG_CNY, DemoStatePlanner.GSTG_CNY, Environment.GSTG,
                DemoStatePlanner.GSTG, Environment.GPRD_CNY, DemoStatePlanner.GPRD_CNY, Environment.GPRD, DemoStatePlanner.GPRD);
        List<Environment> order = List.of(Environment.GSTG_CNY, Environment.GSTG, Environment.GPRD_CNY, Environment.GPRD);
        for (int i = 0; i < packages.size(); i++) {
            SeededPackage p = packages.get(i);
            for (int e = 0; e < order.size(); e++) {
                if (i > reached.get(order.get(e))) continue;
                Instant start = p.builtAt().plus(Duration.ofMinutes(40L * (e + 1)));
                record(s, order.get(e).id(), p, start, start.plus(Duration.ofMinutes(35)));
            }
            if (i <= DemoStatePlanner.GSTG_RAN_THROUGH && (i % 4 == 0 || i == DemoStatePlanner.GSTG_RAN_THROUGH)) {
                Instant start = p.builtAt().plus(Duration.ofHours(6));
                record(s, "db/gstg", p, start, start.plus(Duration.ofMinutes(20)));
            }
            if (i <= DemoStatePlanner.GPRD_RAN_THROUGH && (i % 4 == 0 || i == DemoStatePlanner.GPRD_RAN_THROUGH)) {
                Instant start = p.builtAt().plus(Duration.ofHours(14));
                record(s, "db/gprd", p, start, start.plus(Duration.ofMinutes(30)));
            }
        }
    }

    /** As release-tools' DeploymentTracker: security with the branch, canonical with master, omnibus with its tag. */
    private static void record(EmulatorSeed s, String environment, SeededPackage p, Instant start, Instant end) {
        String sha = p.rails().commitSha();
        s.deployment(SECURITY, environment, p.branch(), sha, false, "success", RELEASE_BOT, start, end);
        s.deployment(CANONICAL, environment, "master", sha, false, "success", RELEASE_BOT, start, end);
        s.deployment(OMNIBUS, environment, p.omnibusTag(), p.omnibusSha(), false, "success", RELEASE_BOT, start, end);
    }

    /** One squash-merged MR per commit (the demo's "See merge request" trailer), labelled with where its migrations ran. */
    private static void mergeRequests(EmulatorSeed s, DemoPlan plan, List<RevCommit> history, DemoState state,
                                      List<SeededPackage> packages) {
        int n = 0;
        for (DemoPlan.PlannedPackage p : plan.packages()) {
            for (PlannedCommit c : p.commits()) {
                RevCommit commit = history.get(n++);
                List<String> labels = new ArrayList<>();
                boolean migrates = c.writes().keySet().stream().anyMatch(path -> path.startsWith("db/post_migrate/"));
                if (migrates) {
                    labels.add("database::approved");
                    if (p.index() <= DemoStatePlanner.GPRD_RAN_THROUGH) labels.add("workflow::post-deploy-db-production");
                    else if (p.index() <= DemoStatePlanner.GSTG_RAN_THROUGH) labels.add("workflow::post-deploy-db-staging");
                    else labels.add("workflow::production");
                }
                // the database maintainer approves last: the emulator has the last approver add database::approved
                List<String> approvers = List.of(MAINTAINERS.get(c.mergeRequestIid() % MAINTAINERS.size()),
                        DATABASE_MAINTAINERS.get(c.mergeRequestIid() % DATABASE_MAINTAINERS.size()));
                s.mergeRequest(CANONICAL, c.mergeRequestIid(), c.title(), "mr-" + c.mergeRequestIid(), "master",
                        commit.name(), commit.name(), labels, username(c.author()), migrates ? approvers : approvers.subList(0, 1),
                        migrates ? 2 : 1, c.committedAt());
            }
        }
    }

    /** gprd's schema_migrations (the admin API acts on the instance's own databases: gitlab.com → gprd). */
    private static void migrations(EmulatorSeed s, DemoPlan plan, DemoState state) {
        for (PlannedMigration m : plan.migrations()) {
            if (m.isReverted()) continue;
            for (LogicalDatabase db : DemoStatePlanner.databasesOf(m))
                s.migration(db.id(), m.version(), m.name(), state.runs(Environment.GPRD, db).containsKey(m.version()));
        }
        Instant at = plan.packages().get(0).builtAt();
        s.batchedMigration("main", "BackfillIssuesNamespaceId", "issues", "id", "finished", 100.0, at);
        s.batchedMigration("ci", "BackfillPartitionIdCiPipelineVariables", "ci_pipeline_variables", "id", "finished", 100.0, at);
        s.batchedMigration("ci", "BackfillCiStagesPartitionId", "ci_stages", "id", "active", 63.4, at);
        s.batchedMigration("main", "BackfillProjectsOrganizationId", "projects", "id", "active", 41.0, at);
    }

    private static void trackerAndProjects(EmulatorSeed s, Instant at) throws IOException, GitAPIException {
        DemoGitLabRepositories.writeSingleCommit(s.repositoryFolder(PRODUCTION), "README.md", "Production tracker\n", at);
        s.project(PRODUCTION, "public", "master", s.repositoryFolder(PRODUCTION));
        // an incident being wound down and a scheduled change: present, but neither blocks a PDM (gitlab-facts §4)
        s.issue(PRODUCTION, "2023-11-09: Elevated error rate on the API fleet", "Mitigated by a rollback of the canary.",
                List.of("Incident::Mitigated", "Service::API", "severity::3"), "incident", RELEASE_BOT);
        s.issue(PRODUCTION, "Upgrade Redis cache cluster", "Change request.", List.of("C3", "Service::Redis", "change::scheduled"),
                "issue", RELEASE_BOT);
        DemoGitLabRepositories.writeSingleCommit(s.repositoryFolder(RELEASE_TASKS), "README.md", "Release tasks\n", at);
        s.project(RELEASE_TASKS, "public", "master", s.repositoryFolder(RELEASE_TASKS));
        s.issue(RELEASE_TASKS, "Release 16.7", "Monthly release of GitLab 16.7.", List.of("Monthly Release"), "issue", RELEASE_BOT);
        DemoGitLabRepositories.writeSingleCommit(s.repositoryFolder(DEPLOYER), ".gitlab-ci.yml", "stages: [prepare, migrate]\n", at);
        s.project(DEPLOYER, "private", "master", s.repositoryFolder(DEPLOYER));
        s.pipelineJobs(DEPLOYER, JobSpec.build("$DEPLOY_ENVIRONMENT-prepare", "prepare"),
                JobSpec.build("$DEPLOY_ENVIRONMENT-post-deploy-migrations", "migrate"));
        DemoGitLabRepositories.writeSingleCommit(s.repositoryFolder(QA), ".gitlab-ci.yml", "stages: [qa]\n", at);
        s.project(QA, "private", "master", s.repositoryFolder(QA));
        s.pipelineJobs(QA, JobSpec.build("qa-smoke", "qa"), JobSpec.build("qa-reliable", "qa"));
    }
}
