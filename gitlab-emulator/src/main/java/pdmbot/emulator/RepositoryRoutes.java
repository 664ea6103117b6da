package pdmbot.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import pdmbot.emulator.EmulatorState.Project;

/** Projects, tree, files and merge base: {@code lib/api/projects.rb}, {@code repositories.rb}, {@code files.rb}. */
final class RepositoryRoutes {

    private final EmulatorWorld world;

    RepositoryRoutes(EmulatorWorld world) {
        this.world = world;
    }

    void register(Router router) {
        router.get("/projects/:id", this::project)
                .get("/projects/:id/repository/tree", this::tree)
                .get("/projects/:id/repository/files/:file_path/raw", this::rawFile)
                .get("/projects/:id/repository/files/:file_path", this::file)
                .get("/projects/:id/repository/blobs/:sha/raw", this::rawBlob)
                .get("/projects/:id/repository/blobs/:sha", this::blob)
                .get("/projects/:id/repository/merge_base", this::mergeBase);
    }

    /** Entities::Project, the fields a client reads (lib/api/entities/project.rb, BasicProjectDetails). */
    private Answer project(ApiRequest r) {
        Project p = world.project(r);
        ObjectNode json = Json.object();
        json.put("id", p.id());
        json.put("description", "");
        json.put("name", p.name());
        json.put("name_with_namespace", p.fullPath().replace("/", " / "));
        json.put("path", p.name());
        json.put("path_with_namespace", p.fullPath());
        json.put("created_at", Json.time(java.time.Instant.parse("2015-01-01T00:00:00Z")));
        json.put("default_branch", p.defaultBranch());
        json.putArray("tag_list");
        json.putArray("topics");
        json.put("web_url", world.webUrl(p));
        json.put("http_url_to_repo", world.webUrl(p) + ".git");
        json.put("visibility", p.visibility());
        ObjectNode ns = json.putObject("namespace");
        String namespace = p.fullPath().substring(0, p.fullPath().lastIndexOf('/'));
        ns.put("name", namespace.substring(namespace.lastIndexOf('/') + 1));
        ns.put("path", namespace.substring(namespace.lastIndexOf('/') + 1));
        ns.put("kind", "group");
        ns.put("full_path", namespace);
        return Answer.ok(json);
    }

    static RevCommit commitOr404(ProjectRepository repo, String ref, String resource) {
        return repo.commit(ref).orElseThrow(() -> Refusal.notFound(resource));
    }

    /**
     * {@code GET repository/tree}: {@code path}, {@code ref} (default branch), {@code recursive}, {@code pagination}
     * legacy|keyset|none (none only with recursive). Unknown ref → 404 Tree Not Found
     * (app/finders/repositories/tree_finder.rb {@code commit_exists?}); a missing path gives [].
     */
    private Answer tree(ApiRequest r) {
        Project p = world.project(r);
        ProjectRepository repo = world.repository(p);
        String pagination = r.oneOf("pagination", "legacy", List.of("legacy", "keyset", "none"));
        boolean recursive = r.boolParam("recursive").orElse(false);
        if (pagination.equals("none") && !recursive)
            throw Refusal.badRequest("pagination 'none' is only supported with 'recursive=true'");
        RevCommit commit = commitOr404(repo, r.param("ref").orElse(p.defaultBranch()), "Tree");
        List<ProjectRepository.TreeEntry> entries = repo.tree(commit, r.param("path").orElse(""), recursive).orElse(List.of());
        if (pagination.equals("none")) {
            ArrayNode all = Json.array();
            entries.forEach(e -> all.add(RepositoryEntities.treeEntry(e)));
            return Answer.ok(all);
        }
        return Pagination.page(r, entries, RepositoryEntities::treeEntry);
    }

    /** {@code GET repository/files/:file_path/raw}: raw bytes; {@code ref} defaults to the default branch. */
    private Answer rawFile(ApiRequest r) {
        Project p = world.project(r);
        ProjectRepository repo = world.repository(p);
        String ref = r.param("ref").orElse(p.defaultBranch());
        RevCommit commit = commitOr404(repo, ref, "Commit");
        String path = r.path("file_path");
        ProjectRepository.Blob blob = repo.file(commit, path).orElseThrow(() -> Refusal.notFound("File"));
        return new Answer(200, "text/plain; charset=utf-8", blob.content(), Map.of()).withHeaders(fileHeaders(repo, commit, ref, path, blob));
    }

    /** {@code GET repository/files/:file_path}: base64 JSON; {@code ref} is required ({"error":"ref is missing"}). */
    private Answer file(ApiRequest r) {
        Project p = world.project(r);
        r.require("ref");
        ProjectRepository repo = world.repository(p);
        String ref = r.param("ref").orElseThrow();
        RevCommit commit = commitOr404(repo, ref, "Commit");
        String path = r.path("file_path");
        ProjectRepository.Blob blob = repo.file(commit, path).orElseThrow(() -> Refusal.notFound("File"));
        ObjectNode json = Json.object();
        Map<String, String> h = fileHeaders(repo, commit, ref, path, blob);
        json.put("file_name", h.get("X-Gitlab-File-Name"));
        json.put("file_path", path);
        json.put("size", blob.content().length);
        json.put("encoding", "base64");
        json.put("content_sha256", h.get("X-Gitlab-Content-Sha256"));
        json.put("ref", ref);
        json.put("blob_id", blob.id());
        json.put("commit_id", commit.name());
        json.put("last_commit_id", h.get("X-Gitlab-Last-Commit-Id"));
        json.put("execute_filemode", false);
        json.put("content", Base64.getEncoder().encodeToString(blob.content()));
        return Answer.ok(json);
    }

    /** {@code GET repository/blobs/:sha/raw} (lib/api/repositories.rb): the bytes; an unknown sha → 404 Blob Not Found. */
    private Answer rawBlob(ApiRequest r) {
        Project p = world.project(r);
        ProjectRepository.Blob blob = world.repository(p).blob(r.path("sha")).orElseThrow(() -> Refusal.notFound("Blob"));
        return new Answer(200, "text/plain; charset=utf-8", blob.content(), Map.of());
    }

    /** {@code GET repository/blobs/:sha}: size, encoding base64, content, sha. */
    private Answer blob(ApiRequest r) {
        Project p = world.project(r);
        ProjectRepository.Blob blob = world.repository(p).blob(r.path("sha")).orElseThrow(() -> Refusal.notFound("Blob"));
        ObjectNode json = Json.object();
        json.put("size", blob.content().length);
        json.put("encoding", "base64");
        json.put("content", Base64.getEncoder().encodeToString(blob.content()));
        json.put("sha", blob.id());
        return Answer.ok(json);
    }

    private static Map<String, String> fileHeaders(ProjectRepository repo, RevCommit commit, String ref, String path,
                                                   ProjectRepository.Blob blob) {
        Map<String, String> h = new LinkedHashMap<>();
        List<RevCommit> last = repo.log(commit, path, 0, 1);
        h.put("X-Gitlab-Blob-Id", blob.id());
        h.put("X-Gitlab-Commit-Id", commit.name());
        h.put("X-Gitlab-Content-Sha256", sha256(blob.content()));
        h.put("X-Gitlab-Encoding", "base64");
        h.put("X-Gitlab-File-Name", path.substring(path.lastIndexOf('/') + 1));
        h.put("X-Gitlab-File-Path", path);
        h.put("X-Gitlab-Last-Commit-Id", last.isEmpty() ? commit.name() : last.get(0).name());
        h.put("X-Gitlab-Ref", ref);
        h.put("X-Gitlab-Size", String.valueOf(blob.content().length));
        h.put("X-Gitlab-Execute-Filemode", "false");
        return h;
    }

    /**
     * {@code GET repository/merge_base?refs[]=a&refs[]=b} (lib/api/repositories.rb): fewer than 2 refs → 400
     * "Provide at least 2 refs"; an unknown ref → 400 "Could not find ref: x"; no common ancestor → 404 Merge Base.
     */
    private Answer mergeBase(ApiRequest r) {
        Project p = world.project(r);
        ProjectRepository repo = world.repository(p);
        List<String> refs = r.params("refs");
        if (refs.isEmpty()) throw Refusal.invalidParameter("refs is missing");
        if (refs.size() < 2) throw Refusal.badRequestMessage("Provide at least 2 refs");
        List<RevCommit> commits = new ArrayList<>();
        for (String ref : refs)
            commits.add(repo.commit(ref).orElseThrow(() -> Refusal.badRequestMessage("Could not find ref: " + ref)));
        RevCommit base = repo.mergeBase(commits).orElseThrow(() -> Refusal.notFound("Merge Base"));
        return Answer.ok(RepositoryEntities.commit(base, world.webUrl(p)));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
