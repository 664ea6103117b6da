package pdmbot.world.gitlab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.gitlab4j.api.models.Commit;
import org.gitlab4j.api.models.Tag;
import pdmbot.domain.PackageVersion;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.PackageRefs;

/**
 * Packages as tags of the code project itself, for installations without GitLab.com's release tooling: every tag
 * whose name the tag pattern finds, at the commit it points to, ordered by the version its name gives.
 */
final class CodeProjectTags implements PackageTags {

    private final GitLabRepository repository;
    private final Pattern tagPattern;

    CodeProjectTags(GitLabRepository repository, Pattern tagPattern) {
        this.repository = repository;
        this.tagPattern = tagPattern;
    }

    @Override
    public List<AutoDeployPackage> packages() {
        Map<PackageVersion, AutoDeployPackage> byVersion = new LinkedHashMap<>();
        for (Tag tag : repository.tags()) {
            String name = tag.getName();
            if (name == null || !tagPattern.matcher(name).find()) continue;
            Commit commit = tag.getCommit();
            if (commit == null || commit.getId() == null || !commit.getId().matches("[0-9a-f]{40}"))
                throw new UnableToListPackagesException("GitLab listed the tag " + name + " of "
                        + repository.project() + " without the full sha of its commit", null);
            PackageVersion version = PackageRefs.versionOf(name, committedAt(commit), commit.getId());
            byVersion.putIfAbsent(version, new AutoDeployPackage(version, commit.getId(), "refs/tags/" + name));
        }
        List<AutoDeployPackage> packages = new ArrayList<>(byVersion.values());
        packages.sort(Comparator.naturalOrder());
        return packages;
    }

    private static Instant committedAt(Commit commit) {
        return commit.getCommittedDate() != null ? commit.getCommittedDate().toInstant()
                : commit.getCreatedAt() != null ? commit.getCreatedAt().toInstant() : Instant.EPOCH;
    }
}
