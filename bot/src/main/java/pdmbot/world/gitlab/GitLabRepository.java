package pdmbot.world.gitlab;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.GitLabApiException;
import org.gitlab4j.api.models.Commit;
import org.gitlab4j.api.models.MergeRequest;
import org.gitlab4j.api.models.Tag;
import org.gitlab4j.api.models.TreeItem;
import pdmbot.domain.PostMigration;

/**
 * One GitLab project's repository, read through the REST API: tags, commits, trees under {@code db/post_migrate},
 * files, compares. Answers keyed by a full commit sha never change, so they are kept in bounded caches.
 */
final class GitLabRepository {

    static final int PER_PAGE = 100;
    private static final String DIRECTORY = "db/post_migrate";
    private static final int LARGEST_CACHED_FILE = 256 * 1024;
    /** A 404 naming the project is no answer about a file or a tree in it (review finding 18 of issue 12). */
    private static final java.util.Set<String> NOT_MISSING_BUT_UNSEEN = java.util.Set.of("Project");

    private final GitLabApi api;
    private final GitLabRawApi raw;
    private final GitLabCalls calls;
    private final GitLabJson json;
    private final String project;
    private final String encodedProject;
    private final BoundedCache<String, Map<String, String>> trees = new BoundedCache<>(64);
    private final BoundedCache<String, Optional<byte[]>> files = new BoundedCache<>(4096);
    private final BoundedCache<String, String> blobHashes = new BoundedCache<>(8192);
    private final BoundedCache<String, String> lastCommits = new BoundedCache<>(8192);
    private final BoundedCache<String, CompareStream.Result> compares = new BoundedCache<>(256);
    private final BoundedCache<String, Boolean> ancestry = new BoundedCache<>(4096);

    GitLabRepository(GitLabApi api, GitLabCalls calls, String project) {
        this.api = api;
        this.raw = new GitLabRawApi(api);
        this.calls = calls;
        this.json = new GitLabJson(api, calls);
        this.project = project;
        this.encodedProject = URLEncoder.encode(project, StandardCharsets.UTF_8);
    }

    String project() {
        return project;
    }

    /** How a request reads in messages: {@code GET /projects/gitlab-org%2Fgitlab/repository/tags}. */
    String request(String method, String suffix) {
        return method + " /projects/" + encodedProject + suffix;
    }

    /**
     * Tags newest first ({@code order_by=updated&sort=desc}: by their commit's date, lib/api/tags.rb), page after
     * page while {@code more} says so after each, at most {@code maxPages}.
     */
    List<Tag> tagsNewestFirst(java.util.function.Predicate<List<Tag>> more, int maxPages) {
        return calls.readWhile(UnableToListPackagesException::new, request("GET", "/repository/tags"),
                () -> api.getTagsApi().getTags(project, org.gitlab4j.models.Constants.TagOrderBy.UPDATED,
                        org.gitlab4j.models.Constants.SortOrder.DESC, null, PER_PAGE), more, maxPages);
    }

    /** The post-deploy migration files at a commit: path to blob id, ordered by path. */
    Map<String, String> postMigrateTree(String sha) {
        Optional<Map<String, String>> cached = trees.get(sha);
        if (cached.isPresent()) return cached.get();
        List<TreeItem> items = calls.readAllUnlessMissing(UnableToReadTreeException::new, NOT_MISSING_BUT_UNSEEN,
                        request("GET", "/repository/tree?path=" + DIRECTORY + "&ref=" + sha),
                        () -> api.getRepositoryApi().getTree(project, DIRECTORY, sha, PER_PAGE))
                .orElse(List.of());
        Map<String, String> tree = new TreeMap<>();
        for (TreeItem item : items) {
            if (item.getType() == TreeItem.Type.BLOB && PostMigration.isPostDeployPath(item.getPath()))
                tree.put(item.getPath(), item.getId());
        }
        Map<String, String> answer = Collections.unmodifiableMap(tree);
        trees.put(sha, answer);
        return answer;
    }

    Optional<byte[]> file(String sha, String path) {
        String key = sha + ":" + path;
        Optional<Optional<byte[]>> cached = files.get(key);
        if (cached.isPresent()) return cached.get().map(byte[]::clone);
        Optional<byte[]> content = calls.readUnlessMissing(UnableToReadFileException::new, NOT_MISSING_BUT_UNSEEN,
                request("GET", "/repository/files/" + URLEncoder.encode(path, StandardCharsets.UTF_8) + "/raw?ref=" + sha),
                () -> readAll(api.getRepositoryFileApi().getRawFile(project, sha, path)));
        if (content.isEmpty() || content.get().length <= LARGEST_CACHED_FILE) files.put(key, content);
        return content.map(byte[]::clone);
    }

    /** SHA-256 of a file at a commit; the file must exist there. */
    String sha256OfFile(String sha, String path) {
        byte[] content = file(sha, path).orElseThrow(() -> new UnableToReadFileException("GitLab has no " + path
                + " at " + sha + " in " + project + " although its compare listed it", null));
        return sha256(content);
    }

    /** SHA-256 of a blob's content, by blob id. */
    String sha256OfBlob(String blobId) {
        Optional<String> cached = blobHashes.get(blobId);
        if (cached.isPresent()) return cached.get();
        String hash = calls.read(UnableToReadFileException::new, request("GET", "/repository/blobs/" + blobId + "/raw"),
                () -> sha256(readAll(api.getRepositoryApi().getRawBlobContent(project, blobId))));
        blobHashes.put(blobId, hash);
        return hash;
    }

    /** The newest commit reachable from {@code sha} that touched {@code path}; {@code sha} itself when GitLab lists none. */
    String lastCommitTouching(String sha, String path) {
        String key = sha + ":" + path;
        Optional<String> cached = lastCommits.get(key);
        if (cached.isPresent()) return cached.get();
        List<Commit> newest = calls.read(UnableToReadCommitException::new,
                request("GET", "/repository/commits?ref_name=" + sha + "&path=" + path + "&per_page=1"),
                () -> api.getCommitsApi().getCommits(project, sha, null, null, path, 1).page(1));
        String last = newest.isEmpty() || newest.get(0).getId() == null ? sha : newest.get(0).getId();
        lastCommits.put(key, last);
        return last;
    }

    /** The post-deploy migration entries of a straight compare (the tree diff from {@code from} to {@code to}). */
    CompareStream.Result compare(String from, String to) {
        String key = from + ".." + to;
        Optional<CompareStream.Result> cached = compares.get(key);
        if (cached.isPresent()) return cached.get();
        CompareStream.Result result = calls.read(UnableToCompareCommitsException::new,
                request("GET", "/repository/compare?from=" + from + "&to=" + to + "&straight=true"),
                () -> {
                    try (InputStream body = raw.get(Map.of("from", from, "to", to, "straight", "true"),
                            "projects", raw.projectSegment(project), "repository", "compare")) {
                        return CompareStream.read(body);
                    } catch (IOException e) {
                        throw new GitLabApiException(e);
                    }
                });
        compares.put(key, result);
        return result;
    }

    /** The commit a full sha or an abbreviation names; empty when GitLab answers 404 (unknown or ambiguous). */
    Optional<Commit> commit(String shaOrPrefix) {
        return calls.readUnlessMissing(UnableToReadCommitException::new,
                request("GET", "/repository/commits/" + shaOrPrefix),
                () -> api.getCommitsApi().getCommit(project, shaOrPrefix));
    }

    List<MergeRequest> mergeRequestsOf(String sha) {
        return calls.readUnlessMissing(UnableToReadCommitException::new,
                        request("GET", "/repository/commits/" + sha + "/merge_requests"),
                        () -> api.getCommitsApi().getMergeRequests(project, sha))
                .orElse(List.of());
    }

    /**
     * The newest commits reachable from {@code ref}, newest first, at most {@code limit}: pages are read only as far
     * as needed ({@code GET repository/commits} sends no totals, only {@code X-Next-Page} when the page is full).
     */
    List<String> newestCommits(String ref, int limit) {
        List<String> shas = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode c : json.list(UnableToReadCommitException::new, project,
                "/repository/commits", Map.of("ref_name", ref, "per_page", String.valueOf(Math.min(PER_PAGE, limit))), limit))
            shas.add(c.path("id").asText());
        return shas;
    }

    /** The branches whose history holds the commit ({@code GET repository/commits/:sha/refs?type=branch}). */
    List<String> branchesContaining(String sha) {
        List<String> names = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode r : json.list(UnableToReadCommitException::new, project,
                "/repository/commits/" + sha + "/refs", Map.of("type", "branch", "per_page", String.valueOf(PER_PAGE))))
            names.add(r.path("name").asText(""));
        return names;
    }

    /** Whether {@code ancestor} is {@code descendant} or one of its ancestors: their merge base is the ancestor. */
    boolean isAncestor(String ancestor, String descendant) {
        if (ancestor.equals(descendant)) return true;
        String key = ancestor + ":" + descendant;
        Optional<Boolean> cached = ancestry.get(key);
        if (cached.isPresent()) return cached.get();
        Optional<Commit> base = calls.readUnlessMissing(UnableToReadCommitException::new,
                request("GET", "/repository/merge_base?refs[]=" + ancestor + "&refs[]=" + descendant),
                () -> api.getRepositoryApi().getMergeBase(project, List.of(ancestor, descendant)));
        boolean answer = base.map(Commit::getId).filter(ancestor::equals).isPresent();
        ancestry.put(key, answer);
        return answer;
    }

    /** {@code GET repository/merge_base?refs[]=a&refs[]=b}; empty on GitLab's 404 "Merge Base Not Found". */
    Optional<String> mergeBase(String a, String b) {
        return calls.readUnlessMissing(UnableToReadCommitException::new,
                request("GET", "/repository/merge_base?refs[]=" + a + "&refs[]=" + b),
                () -> api.getRepositoryApi().getMergeBase(project, List.of(a, b))).map(Commit::getId);
    }

    /**
     * {@code GET repository/merge_base?refs[]=a&refs[]=b}, with GitLab's refusals as answers: 404 "Merge Base Not
     * Found" (no common ancestor), 400 "Could not find ref: x" (a ref this project lacks); lib/api/repositories.rb.
     */
    GitLabCalls.Answer<String> mergeBaseOrRefusal(String a, String b) {
        GitLabCalls.Answer<Commit> answer = calls.readUnlessRefused(UnableToReadCommitException::new,
                request("GET", "/repository/merge_base?refs[]=" + a + "&refs[]=" + b), java.util.Set.of(400, 404),
                () -> api.getRepositoryApi().getMergeBase(project, List.of(a, b)));
        if (answer instanceof GitLabCalls.Refused<Commit> refused)
            return new GitLabCalls.Refused<>(refused.status(), refused.message());
        if (answer instanceof GitLabCalls.Answered<Commit> answered && answered.value().getId() != null)
            return new GitLabCalls.Answered<>(answered.value().getId());
        throw new UnableToReadCommitException("GitLab answered GET merge_base of " + a + " and " + b + " in " + project
                + " without a commit id", null);
    }

    /** {@code GET repository/compare?from=&to=&straight=true} as GitLab answers it (commits oldest first). */
    com.fasterxml.jackson.databind.JsonNode straightCompare(String from, String to) {
        return json.get(UnableToCompareCommitsException::new, project, "/repository/compare",
                Map.of("from", from, "to", to, "straight", "true"));
    }

    private static byte[] readAll(InputStream in) throws GitLabApiException {
        try (InputStream body = in) {
            return body.readAllBytes();
        } catch (IOException e) {
            throw new GitLabApiException(e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
