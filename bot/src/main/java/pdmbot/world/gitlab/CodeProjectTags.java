package pdmbot.world.gitlab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.gitlab4j.api.models.Commit;
import org.gitlab4j.api.models.Tag;
import pdmbot.domain.PackageVersion;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.PackageRefs;

/**
 * Packages as tags of the code project itself, for installations without GitLab.com's release tooling: every tag
 * whose name the tag pattern finds, at the commit it points to, ordered by the version its name gives.
 *
 * <p>Tags are read newest first ({@code order_by=updated&sort=desc}: by their commit's date, lib/api/tags.rb,
 * TagsFinder) and only until a tag already seen is met, so a call with no new tag costs one page; what was read is
 * kept. The first read goes back at most {@link #FIRST_READ_PAGES} pages. A tag made later on a commit older than
 * every known tag's sorts after them and is not seen.
 */
final class CodeProjectTags implements PackageTags {

    /** How far back the first read goes: 5,000 tags. */
    static final int FIRST_READ_PAGES = 50;

    private final GitLabRepository repository;
    private final Pattern tagPattern;
    private final Map<PackageVersion, AutoDeployPackage> byVersion = new HashMap<>();
    /** Every tag name seen, package or not. */
    private final Set<String> seen = new HashSet<>();

    CodeProjectTags(GitLabRepository repository, Pattern tagPattern) {
        this.repository = repository;
        this.tagPattern = tagPattern;
    }

    @Override
    public synchronized List<AutoDeployPackage> packages() {
        List<Tag> read = repository.tagsNewestFirst(page -> page.stream().noneMatch(t -> seen.contains(t.getName())),
                FIRST_READ_PAGES);
        List<Tag> fresh = new ArrayList<>();
        for (Tag tag : read) if (tag.getName() != null && !seen.contains(tag.getName())) fresh.add(tag);
        for (Tag tag : fresh) add(tag);
        List<AutoDeployPackage> packages = new ArrayList<>(byVersion.values());
        packages.sort(Comparator.naturalOrder());
        return packages;
    }

    private void add(Tag tag) {
        String name = tag.getName();
        if (!tagPattern.matcher(name).find()) {
            seen.add(name);
            return;
        }
        Commit commit = tag.getCommit();
        if (commit == null || commit.getId() == null || !commit.getId().matches("[0-9a-f]{40}"))
            throw new UnableToListPackagesException("GitLab listed the tag " + name + " of "
                    + repository.project() + " without the full sha of its commit", null);
        PackageVersion version = PackageRefs.versionOf(name, committedAt(commit), commit.getId());
        byVersion.putIfAbsent(version, new AutoDeployPackage(version, commit.getId(), "refs/tags/" + name));
        seen.add(name);
    }

    private static Instant committedAt(Commit commit) {
        return commit.getCommittedDate() != null ? commit.getCommittedDate().toInstant()
                : commit.getCreatedAt() != null ? commit.getCreatedAt().toInstant() : Instant.EPOCH;
    }
}
