package pdmbot.world.gitlab;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.DeploymentProject;

/**
 * The ref and sha a package's deployment is recorded with, per project, as release-tools records them
 * ({@code deployments/deployment_tracker.rb}, gitlab-facts §3): on the security project the auto-deploy branch and the
 * full rails sha; on the canonical project the default branch and the newest commit of the package's history that
 * is also on it ({@code auto_deploy_intersection}: picked commits exist only on security), or nothing when there is
 * none. With packages tagged on the code project: the tag and its commit, on both.
 */
final class DeploymentRefs {

    /** release-tools {@code AutoDeploy::Naming}: {@code 16-7-auto-deploy-2023110920}. */
    static final Pattern AUTO_DEPLOY_BRANCH = Pattern.compile("\\d+-\\d+-auto-deploy-\\d{8,}");
    /** How far release-tools walks both histories looking for the intersection. */
    static final int INTERSECTION_DEPTH = 300;

    record Target(String ref, String sha, boolean tag) {
    }

    private final GitLabSettings settings;
    private final Function<String, GitLabRepository> repositories;
    private final BoundedCache<String, Optional<String>> intersections = new BoundedCache<>(256);
    private final BoundedCache<String, String> branches = new BoundedCache<>(256);

    DeploymentRefs(GitLabSettings settings, Function<String, GitLabRepository> repositories) {
        this.settings = settings;
        this.repositories = repositories;
    }

    Optional<Target> targetOf(DeploymentProject project, AutoDeployPackage pkg) {
        if (settings.packages().convention() == GitLabSettings.PackageConvention.CODE_TAGS) {
            return Optional.of(new Target(GitLabDeploymentRecords.shortRef(pkg.refName()), pkg.commitSha(),
                    pkg.refName().startsWith("refs/tags/")));
        }
        if (project == DeploymentProject.SECURITY)
            return Optional.of(new Target(autoDeployBranch(pkg), pkg.commitSha(), false));
        return intersection(pkg.commitSha()).map(sha -> new Target(settings.packages().defaultBranch(), sha, false));
    }

    /**
     * The auto-deploy branch the package was built from: of the branches holding its commit on the security project,
     * the newest one cut no later than the package (later branches hold the commit too); the sha itself when there is
     * none (GitLab resolves a sha as the ref, and release-tools deletes branches after 7 days).
     */
    private String autoDeployBranch(AutoDeployPackage pkg) {
        String sha = pkg.commitSha();
        Optional<String> cached = branches.get(sha + "@" + pkg.version());
        if (cached.isPresent()) return cached.get();
        String builtHour = HOUR.format(pkg.version().builtAt());
        GitLabRepository security = repositories.apply(settings.securityProject());
        String branch = security.branchesContaining(sha).stream()
                .filter(b -> AUTO_DEPLOY_BRANCH.matcher(b).matches())
                .filter(b -> timestampOf(b).compareTo(builtHour) <= 0)
                .max(Comparator.comparing(DeploymentRefs::timestampOf)).orElse(sha);
        branches.put(sha + "@" + pkg.version(), branch);
        return branch;
    }

    /** Branch timestamps are {@code %Y%m%d%H} in UTC ({@code auto_deploy/naming.rb}). */
    private static final java.time.format.DateTimeFormatter HOUR =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(java.time.ZoneOffset.UTC);

    private static String timestampOf(String branch) {
        return branch.substring(branch.lastIndexOf('-') + 1);
    }

    /**
     * The newest commit of the package's history that is also on canonical master: their merge base, asked of the
     * security project (which mirrors canonical, so it has master's head) with {@code GET repository/merge_base}, and
     * checked on canonical ({@code GET commits/:sha}); three calls whatever the depth. release-tools walks both
     * histories 300 commits deep instead (auto_deploy_intersection), which finds nothing once master has moved on by
     * 300 commits, as it does between a deploy and its PDM run. When security lacks canonical's head (the mirror lags:
     * {@code 400 Could not find ref}), that walk is the fallback.
     */
    private Optional<String> intersection(String sha) {
        Optional<Optional<String>> cached = intersections.get(sha);
        if (cached.isPresent()) return cached.get();
        GitLabRepository security = repositories.apply(settings.securityProject());
        GitLabRepository canonical = repositories.apply(settings.project());
        List<String> head = canonical.newestCommits(settings.packages().defaultBranch(), 1);
        Optional<String> found;
        if (head.isEmpty()) {
            found = Optional.empty();
        } else {
            GitLabCalls.Answer<String> base = security.mergeBaseOrRefusal(sha, head.get(0));
            if (base instanceof GitLabCalls.Answered<String> answered && canonical.commit(answered.value()).isPresent())
                found = Optional.of(answered.value());
            else if (base instanceof GitLabCalls.Refused<String> refused && refused.status() == 404)
                found = Optional.empty();
            else
                found = walkedIntersection(sha);
        }
        intersections.put(sha, found);
        return found;
    }

    /** release-tools' walk: the first commit of the package's history (newest first) among the newest of master. */
    private Optional<String> walkedIntersection(String sha) {
        List<String> history = repositories.apply(settings.securityProject()).newestCommits(sha, INTERSECTION_DEPTH);
        Set<String> master = new HashSet<>(repositories.apply(settings.project())
                .newestCommits(settings.packages().defaultBranch(), INTERSECTION_DEPTH));
        return history.stream().filter(master::contains).findFirst();
    }
}
