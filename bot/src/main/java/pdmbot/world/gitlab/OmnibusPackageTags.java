package pdmbot.world.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gitlab4j.api.models.Commit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.domain.PackageVersion;
import pdmbot.world.AutoDeployPackage;

/**
 * Packages as GitLab.com's release tooling makes them: tags {@code M.m.YYYYMMDDHHMM+<rails sha 11>.<omnibus sha 11>}
 * in the (security) omnibus project ({@code auto_deploy/tagger/omnibus.rb}, {@code TAG_FORMAT}); no tag exists in a
 * rails project. The rails sha is resolved to a full sha in the code (security) project with
 * {@code GET commits/:short}, as {@code DeploymentVersionParser} does.
 *
 * <p>Tags are read newest first ({@code order_by=version&sort=desc}) and only until a tag already known is met, so
 * one new package costs one page of tags and one commit lookup; the first read goes back at most
 * {@link #FIRST_READ_PAGES} pages.
 */
final class OmnibusPackageTags implements PackageTags {

    private static final Logger log = LoggerFactory.getLogger(OmnibusPackageTags.class);
    static final int PER_PAGE = 100;
    /** How far back the first read goes: 5,000 packages, months of auto-deploys. */
    static final int FIRST_READ_PAGES = 50;

    private final GitLabJson json;
    private final String packageProject;
    private final GitLabRepository code;
    private final Map<String, AutoDeployPackage> known = new HashMap<>();
    /** Tags whose rails sha the code project does not know: skipped, and not asked about again. */
    private final Set<String> unresolved = new HashSet<>();
    private final PackageTagMemory memory;
    private boolean recalled;

    OmnibusPackageTags(GitLabJson json, String packageProject, GitLabRepository code) {
        this(json, packageProject, code, PackageTagMemory.NONE);
    }

    /** With what an earlier process resolved ({@code memory}): a restart resolves only the tags it has not seen. */
    OmnibusPackageTags(GitLabJson json, String packageProject, GitLabRepository code, PackageTagMemory memory) {
        this.json = json;
        this.packageProject = packageProject;
        this.code = code;
        this.memory = memory;
    }

    private void recall() {
        if (recalled) return;
        recalled = true;
        memory.recall().forEach((name, sha) -> PackageVersion.parse(name).filter(v -> sha.startsWith(v.appSha()))
                .ifPresent(v -> known.put(name, new AutoDeployPackage(v, sha, "refs/tags/" + name))));
    }

    @Override
    public synchronized Optional<AutoDeployPackage> known(PackageVersion version) {
        recall();
        return known.values().stream().filter(p -> p.version().equals(version)).findFirst();
    }

    @Override
    public synchronized List<AutoDeployPackage> packages() {
        recall();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("order_by", "version");
        query.put("sort", "desc");
        query.put("per_page", String.valueOf(PER_PAGE));
        List<JsonNode> fresh = new ArrayList<>();
        json.pages(UnableToListPackagesException::new, packageProject, "/repository/tags", query, FIRST_READ_PAGES,
                page -> {
                    boolean metKnown = false;
                    for (JsonNode tag : page) {
                        String name = tag.path("name").asText("");
                        if (known.containsKey(name) || unresolved.contains(name)) metKnown = true;
                        else fresh.add(tag);
                    }
                    // version order puts every older package after a known one: nothing new lies further
                    return !metKnown;
                });
        int before = known.size();
        for (JsonNode tag : fresh) add(tag);
        if (known.size() != before) {
            Map<String, String> shas = new HashMap<>();
            known.forEach((name, p) -> shas.put(name, p.commitSha()));
            memory.keep(shas);
        }
        List<AutoDeployPackage> packages = new ArrayList<>(byVersion().values());
        packages.sort(Comparator.naturalOrder());
        return packages;
    }

    private Map<PackageVersion, AutoDeployPackage> byVersion() {
        Map<PackageVersion, AutoDeployPackage> all = new HashMap<>();
        for (AutoDeployPackage p : known.values()) all.putIfAbsent(p.version(), p);
        return all;
    }

    private void add(JsonNode tag) {
        String name = tag.path("name").asText("");
        // release tags (16.7.1+ee.0) and other tags share the project; only auto-deploy tags are packages
        Optional<PackageVersion> version = PackageVersion.parse(name);
        if (version.isEmpty()) {
            unresolved.add(name);
            return;
        }
        String shortSha = version.get().appSha();
        Optional<Commit> commit = code.commit(shortSha);
        String sha = commit.map(Commit::getId).orElse("");
        if (!sha.matches("[0-9a-f]{40}") || !sha.startsWith(shortSha)) {
            log.warn("package tag {} of {} names the rails commit {}, which {} does not know (or several commits share);"
                    + " the package is left out", name, packageProject, shortSha, code.project());
            unresolved.add(name);
            return;
        }
        known.put(name, new AutoDeployPackage(version.get(), sha, "refs/tags/" + name));
    }
}
