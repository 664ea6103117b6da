package pdmbot.world.gitlab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gitlab4j.api.models.Commit;
import org.gitlab4j.api.models.MergeRequest;
import pdmbot.domain.PackageVersion;
import pdmbot.domain.PostMigration;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.CommitInfo;
import pdmbot.world.Lookup;
import pdmbot.world.MergeRequestRef;
import pdmbot.world.MigrationChange;
import pdmbot.world.PackageSource;

/**
 * Packages and post-deploy migrations read from GitLab through its REST API. The packages come from the configured
 * convention ({@link OmnibusPackageTags}, {@link CodeProjectTags}); the code is read in the code project (GitLab.com:
 * the security project, which has the picked commits the canonical one lacks).
 */
public final class GitLabPackageSource implements PackageSource {

    private static final Pattern SHA_PREFIX = Pattern.compile("[0-9a-f]{4,40}");
    private static final Pattern MERGE_REQUEST_URL = Pattern.compile("https?://[^/]+/(.+?)/-/merge_requests/(\\d+)");

    private final GitLabRepository repository;
    private final PackageTags tags;
    private final PostMigrationChanges changes;
    private final BoundedCache<String, CommitInfo> commits = new BoundedCache<>(4096);

    /** Packages from {@code tags}; their code, commits and merge requests from {@code repository}. */
    GitLabPackageSource(GitLabRepository repository, PackageTags tags) {
        this.repository = repository;
        this.tags = tags;
        this.changes = new PostMigrationChanges(repository);
    }

    @Override
    public List<AutoDeployPackage> packages() {
        return tags.packages();
    }

    @Override
    public Optional<AutoDeployPackage> packageNamed(String version) {
        // a known package needs no listing (each listing is a request)
        Optional<AutoDeployPackage> known = PackageVersion.parse(version).flatMap(tags::known);
        return known.isPresent() ? known : PackageSource.super.packageNamed(version);
    }

    @Override
    public List<MigrationChange> postMigrationChanges(AutoDeployPackage pkg, Optional<AutoDeployPackage> previous) {
        return changes.between(pkg.commitSha(), previous.map(AutoDeployPackage::commitSha));
    }

    @Override
    public List<PostMigration> postMigrationsAt(AutoDeployPackage pkg) {
        List<PostMigration> migrations = new ArrayList<>();
        for (String path : repository.postMigrateTree(pkg.commitSha()).keySet())
            PostMigration.fromPath(path).ifPresent(migrations::add);
        migrations.sort(Comparator.comparing(PostMigration::version).thenComparing(PostMigration::path));
        return migrations;
    }

    @Override
    public Optional<byte[]> fileAt(AutoDeployPackage pkg, String path) {
        return repository.file(pkg.commitSha(), path);
    }

    @Override
    public Lookup<CommitInfo> findCommit(String shaOrPrefix) {
        String query = shaOrPrefix == null ? "" : shaOrPrefix.trim().toLowerCase();
        if (!SHA_PREFIX.matcher(query).matches())
            return new Lookup.NotFound<>(query, "\"" + query + "\" is not a commit sha; expected 4 to 40 hex characters");
        Optional<CommitInfo> cached = commits.get(query);
        if (cached.isPresent()) return new Lookup.Found<>(query, cached.get());
        Optional<Commit> commit = repository.commit(query);
        if (commit.isEmpty() || commit.get().getId() == null || !commit.get().getId().startsWith(query)) {
            // GitLab answers 404 both for an unknown sha and for an abbreviation several commits share
            String reason = query.length() == 40 ? "no commit " + query + " in " + repository.project()
                    : "no commit of " + repository.project() + " is named by " + query
                    + " alone (unknown, or shared by several commits); try a longer sha";
            return new Lookup.NotFound<>(query, reason);
        }
        CommitInfo info = infoOf(commit.get());
        commits.put(info.sha(), info);
        commits.put(query, info);
        return new Lookup.Found<>(query, info);
    }

    private CommitInfo infoOf(Commit commit) {
        String message = commit.getMessage() == null ? "" : commit.getMessage();
        String title = commit.getTitle() != null ? commit.getTitle() : message.lines().findFirst().orElse("");
        Instant authoredAt = commit.getAuthoredDate() != null ? commit.getAuthoredDate().toInstant()
                : commit.getCreatedAt() != null ? commit.getCreatedAt().toInstant() : Instant.EPOCH;
        Optional<MergeRequestRef> mergeRequest = mergeRequestOf(commit.getId());
        if (mergeRequest.isEmpty()) mergeRequest = MergeRequestRef.fromCommitMessage(message);
        return new CommitInfo(commit.getId(), title, message, nullToEmpty(commit.getAuthorName()),
                nullToEmpty(commit.getAuthorEmail()), authoredAt, mergeRequest);
    }

    /** The merged merge request that brought the commit, else the first one GitLab lists. */
    private Optional<MergeRequestRef> mergeRequestOf(String sha) {
        List<MergeRequest> requests = repository.mergeRequestsOf(sha);
        Optional<MergeRequest> chosen = requests.stream().filter(mr -> "merged".equals(mr.getState())).findFirst();
        if (chosen.isEmpty()) chosen = requests.stream().findFirst();
        return chosen.flatMap(this::refOf);
    }

    private Optional<MergeRequestRef> refOf(MergeRequest mr) {
        if (mr.getIid() == null || mr.getIid() <= 0 || mr.getIid() > Integer.MAX_VALUE) return Optional.empty();
        int iid = mr.getIid().intValue();
        if (mr.getWebUrl() != null) {
            Matcher m = MERGE_REQUEST_URL.matcher(mr.getWebUrl());
            if (m.matches()) return Optional.of(new MergeRequestRef(m.group(1), iid));
        }
        return Optional.of(new MergeRequestRef(repository.project(), iid));
    }

    @Override
    public boolean contains(AutoDeployPackage pkg, String commitSha) {
        Optional<CommitInfo> commit = commit(commitSha);
        return commit.isPresent() && repository.isAncestor(commit.get().sha(), pkg.commitSha());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Merge bases and missing commits in the project the packages are built from (the promotion guard). */
    public pdmbot.world.Ancestry ancestry() {
        return new GitLabAncestry(repository);
    }
}
