package pdmbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.revwalk.RevCommit;
import pdmbot.emulator.EmulatorState.Project;

/** Tags, commits and compare: {@code lib/api/tags.rb}, {@code lib/api/commits.rb}, {@code lib/api/repositories.rb}. */
final class CommitRoutes {

    private final EmulatorWorld world;

    CommitRoutes(EmulatorWorld world) {
        this.world = world;
    }

    void register(Router router) {
        router.get("/projects/:id/repository/tags", this::tags)
                .get("/projects/:id/repository/commits", this::commits)
                .get("/projects/:id/repository/commits/:sha", this::commit)
                .get("/projects/:id/repository/commits/:sha/refs", this::refs)
                .get("/projects/:id/repository/compare", this::compare);
    }

    /**
     * {@code GET repository/tags}: {@code order_by} name|updated|version (default updated), {@code sort} asc|desc
     * (default desc), {@code search} with {@code ^prefix}, {@code suffix$}, else a case-insensitive substring
     * (app/finders/tags_finder.rb, Gitlab::Git::Repository#search tags).
     */
    private Answer tags(ApiRequest r) {
        Project p = world.project(r);
        String orderBy = r.oneOf("order_by", "updated", List.of("name", "updated", "version"));
        String sort = r.oneOf("sort", "desc", List.of("asc", "desc"));
        String search = r.param("search").orElse("");
        ProjectRepository repo = world.repository(p);
        List<ProjectRepository.Tag> tags = new ArrayList<>(repo.tags().stream().filter(t -> matches(t.name(), search)).toList());
        Comparator<ProjectRepository.Tag> order = switch (orderBy) {
            case "name" -> Comparator.comparing(ProjectRepository.Tag::name);
            case "version" -> (a, b) -> compareVersions(a.name(), b.name());
            default -> Comparator.comparing((ProjectRepository.Tag t) -> updated(t)).thenComparing(ProjectRepository.Tag::name);
        };
        tags.sort(sort.equals("asc") ? order : order.reversed());
        String url = world.webUrl(p);
        return Pagination.page(r, tags, t -> RepositoryEntities.tag(t, url));
    }

    private static Instant updated(ProjectRepository.Tag t) {
        return t.createdAt() != null ? t.createdAt() : t.commit().getCommitterIdent().getWhenAsInstant();
    }

    private static boolean matches(String name, String search) {
        if (search.isEmpty()) return true;
        String n = name.toLowerCase(Locale.ROOT);
        String s = search.toLowerCase(Locale.ROOT);
        if (s.startsWith("^")) return n.startsWith(s.substring(1));
        if (s.endsWith("$")) return n.endsWith(s.substring(0, s.length() - 1));
        return n.contains(s);
    }

    /** Version order as git's {@code version:refname}: runs of digits compare as numbers. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        String[] y = b.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? new java.math.BigInteger(x[i]).compareTo(new java.math.BigInteger(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }

    /**
     * {@code GET repository/commits}: {@code ref_name} (default branch), {@code path} ({@code git log -- path}, so the
     * merge request's own commit, not a merge commit), paged without X-Total/X-Total-Pages
     * ({@code paginate(commits, exclude_total_headers: true)}); an unknown ref lists nothing.
     */
    private Answer commits(ApiRequest r) {
        Project p = world.project(r);
        ProjectRepository repo = world.repository(p);
        Pagination.Window w = Pagination.window(r);
        String url = world.webUrl(p);
        List<JsonNode> page = new ArrayList<>();
        repo.commit(r.param("ref_name").orElse(p.defaultBranch())).ifPresent(from ->
                repo.log(from, r.param("path").orElse(null), w.offset(), w.perPage() + 1)
                        .forEach(c -> page.add(RepositoryEntities.commit(c, url))));
        return Pagination.pageWithoutTotals(r, w, page);
    }

    /** {@code GET repository/commits/:sha}: CommitDetail; unknown or ambiguous short sha → 404 Commit Not Found. */
    private Answer commit(ApiRequest r) {
        Project p = world.project(r);
        ProjectRepository repo = world.repository(p);
        RevCommit c = RepositoryRoutes.commitOr404(repo, r.path("sha"), "Commit");
        boolean stats = r.boolParam("stats").orElse(true);
        ObjectNode json = RepositoryEntities.commitDetail(c, world.webUrl(p), p.id(), stats ? repo.stats(c) : new int[]{0, 0});
        if (!stats) json.remove("stats");
        return Answer.ok(json);
    }

    /** {@code GET repository/commits/:sha/refs?type=branch|tag|all} → [{"type":"branch","name":"master"}], paged. */
    private Answer refs(ApiRequest r) {
        Project p = world.project(r);
        ProjectRepository repo = world.repository(p);
        RevCommit c = RepositoryRoutes.commitOr404(repo, r.path("sha"), "Commit");
        String type = r.oneOf("type", "all", List.of("branch", "tag", "all"));
        List<ObjectNode> refs = new ArrayList<>();
        if (!type.equals("tag")) for (String b : repo.refsContaining(c, Constants.R_HEADS)) refs.add(ref("branch", b));
        if (!type.equals("branch")) for (String t : repo.refsContaining(c, Constants.R_TAGS)) refs.add(ref("tag", t));
        return Pagination.page(r, refs, n -> n);
    }

    private static ObjectNode ref(String type, String name) {
        ObjectNode json = Json.object();
        json.put("type", type);
        json.put("name", name);
        return json;
    }

    /**
     * {@code GET repository/compare}: {@code from}, {@code to} required; {@code straight} default false (diff from
     * the merge base, {@code from...to}); commits {@code from..to} oldest first; {@code commit} the last of them;
     * {@code compare_timeout} when the diff collection overflowed diff_max_files/diff_max_lines
     * (lib/api/entities/compare.rb, Gitlab::Git::DiffCollection). Unknown ref → 404 Ref Not Found.
     */
    private Answer compare(ApiRequest r) {
        Project p = world.project(r);
        r.require("from", "to");
        ProjectRepository repo = world.repository(p);
        RevCommit from = RepositoryRoutes.commitOr404(repo, r.param("from").orElseThrow(), "Ref");
        RevCommit to = RepositoryRoutes.commitOr404(repo, r.param("to").orElseThrow(), "Ref");
        boolean straight = r.boolParam("straight").orElse(false);
        String url = world.webUrl(p);
        ObjectNode json = Json.object();
        List<RevCommit> commits = repo.between(from, to);
        ArrayNode commitsJson = Json.array();
        commits.forEach(c -> commitsJson.add(RepositoryEntities.commit(c, url)));
        if (commits.isEmpty()) json.putNull("commit");
        else json.set("commit", RepositoryEntities.commit(commits.get(commits.size() - 1), url));
        json.set("commits", commitsJson);
        RevCommit base = straight ? from : repo.mergeBase(List.of(from, to)).orElse(null);
        ArrayNode diffs = json.putArray("diffs");
        boolean overflow = false;
        int lines = 0;
        for (ProjectRepository.Diff d : repo.diff(base, to)) {
            int here = d.diff().split("\n", -1).length;
            if (diffs.size() >= world.settings.diffMaxFiles() || lines + here > world.settings.diffMaxLines()) {
                overflow = true;
                break;
            }
            lines += here;
            // Gitlab::Git::Diff: a single patch over diff_max_patch_bytes (200 KiB) is too_large with an empty diff
            diffs.add(RepositoryEntities.diff(d, d.diff().length() > 200 * 1024));
        }
        json.put("compare_timeout", overflow);
        json.put("compare_same_ref", from.equals(to));
        json.put("web_url", url + "/-/compare/" + from.name() + (straight ? ".." : "...") + to.name());
        return Answer.ok(json);
    }
}
