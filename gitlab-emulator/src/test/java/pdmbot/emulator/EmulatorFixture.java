package pdmbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A small GitLab.com-shaped world for the tests: gitlab-org/gitlab (public, canonical) with a merged merge request,
 * gitlab-org/security/gitlab (private) with the same history plus an auto-deploy branch carrying a pick that exists
 * only there, gitlab-org/security/omnibus-gitlab with a package tag named and worded as release-tools makes it
 * (lib/release_tools/auto_deploy/tagger/omnibus.rb: TAG_FORMAT and tag_message), the deployer and the production
 * tracker. Users: root (admin, api), dev (api), reader (read_api). The clock stands at {@link #START}.
 */
final class EmulatorFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2023-11-10T10:00:00Z");
    static final String ROOT = "test-root-token-not-a-secret";
    static final String DEV = "test-dev-token-not-a-secret";
    static final String READER = "test-reader-token-not-a-secret";
    static final String CANONICAL = "gitlab-org/gitlab";
    static final String SECURITY = "gitlab-org/security/gitlab";
    static final String OMNIBUS = "gitlab-org/security/omnibus-gitlab";
    static final String DEPLOYER = "gitlab-com/gl-infra/deployer";
    static final String PRODUCTION = "gitlab-com/gl-infra/production";
    static final String BRANCH = "16-7-auto-deploy-2023110920";

    final Emulator emulator;
    final Path folder;
    RevCommit initial, migrationCommit, appCommit, featureCommit, merge, pick, omnibusCommit;
    String packageTag;
    private final HttpClient http = HttpClient.newHttpClient();

    EmulatorFixture(Path folder) throws Exception {
        this(folder, EmulatorSettings.defaults().withPipelineStep(Duration.ofMinutes(1)), true);
    }

    EmulatorFixture(Path folder, EmulatorSettings settings, boolean seed) throws Exception {
        this.folder = folder;
        this.emulator = Emulator.start(folder, 0, EmulatorClock.fixedAt(START), settings);
        if (seed) seed();
    }

    private static PersonIdent person(String name, Instant at) {
        return new PersonIdent(name, name.toLowerCase().replace(' ', '.') + "@example.com", at, ZoneOffset.UTC);
    }

    private RevCommit commit(Git git, String message, Instant at, Map<String, String> files) throws Exception {
        Path work = git.getRepository().getWorkTree().toPath();
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = work.resolve(f.getKey());
            java.nio.file.Files.createDirectories(p.getParent());
            java.nio.file.Files.writeString(p, f.getValue());
            git.add().addFilepattern(f.getKey()).call();
        }
        return git.commit().setMessage(message).setAuthor(person("Amara Okafor", at.minusSeconds(3600)))
                .setCommitter(person("Amara Okafor", at)).setSign(false).call();
    }

    private void seed() throws Exception {
        EmulatorSeed seed = emulator.seed();
        seed.user("root", "Administrator", true);
        seed.user("dev", "Dana Developer", false);
        seed.user("reader", "Rita Reader", false);
        seed.token(ROOT, "root", "api");
        seed.token(DEV, "dev", "api");
        seed.token(READER, "reader", "read_api");

        Path canonicalDir = seed.repositoryFolder(CANONICAL);
        try (Git git = Git.init().setDirectory(canonicalDir.toFile()).setInitialBranch("master").call()) {
            initial = commit(git, "Initial commit", START.minusSeconds(5 * 86_400),
                    Map.of("README.md", "demo\n", "db/post_migrate/20231101000000_first.rb", "class First\nend\n"));
            migrationCommit = commit(git, "Add the second migration\n\nSee merge request gitlab-org/gitlab!101",
                    START.minusSeconds(4 * 86_400), Map.of("db/post_migrate/20231102000000_second.rb", "class Second\nend\n"));
            git.branchCreate().setName("feature").call();
            appCommit = commit(git, "Change the app", START.minusSeconds(3 * 86_400), Map.of("app/models/user.rb", "class User\nend\n"));
            git.checkout().setName("feature").call();
            featureCommit = commit(git, "Add the third migration", START.minusSeconds(3 * 86_400 - 60),
                    Map.of("db/post_migrate/20231103000000_third.rb", "class Third\nend\n"));
            git.checkout().setName("master").call();
            git.merge().include(featureCommit).setFastForward(MergeCommand.FastForwardMode.NO_FF)
                    .setMessage("Merge branch 'feature' into 'master'").call();
            merge = git.getRepository().parseCommit(git.getRepository().resolve("master"));
        }
        seed.project(CANONICAL, "public", "master", canonicalDir);

        Path securityDir = seed.repositoryFolder(SECURITY);
        try (Git git = Git.cloneRepository().setURI(canonicalDir.toUri().toString()).setDirectory(securityDir.toFile()).call()) {
            git.checkout().setCreateBranch(true).setName(BRANCH).setStartPoint(merge.name()).call();
            pick = commit(git, "Security fix (picked into auto-deploy)", START.minusSeconds(86_400),
                    Map.of("app/models/user.rb", "class User\n  # fixed\nend\n"));
            git.checkout().setName("master").call();
        }
        seed.project(SECURITY, "private", "master", securityDir);

        Path omnibusDir = seed.repositoryFolder(OMNIBUS);
        try (Git git = Git.init().setDirectory(omnibusDir.toFile()).setInitialBranch("master").call()) {
            omnibusCommit = commit(git, "Update VERSION", START.minusSeconds(3600), Map.of("VERSION", pick.name() + "\n"));
            packageTag = "16.7.202311100920+" + pick.name().substring(0, 11) + "." + omnibusCommit.name().substring(0, 11);
            git.tag().setName(packageTag).setAnnotated(true).setSigned(false)
                    .setMessage("Auto-deploy Omnibus " + packageTag + "\n\nVERSION: " + pick.name() + "\nGITALY_SERVER_VERSION: " + "ab".repeat(20))
                    .setTagger(person("GitLab Release Tools Bot", START.minusSeconds(3000))).call();
            git.tag().setName("16.6.202311010420+aaaaaaaaaaa.bbbbbbbbbbb").setAnnotated(false).call();
        }
        seed.project(OMNIBUS, "private", "master", omnibusDir);

        Path deployerDir = seed.repositoryFolder(DEPLOYER);
        try (Git git = Git.init().setDirectory(deployerDir.toFile()).setInitialBranch("master").call()) {
            commit(git, "Deployer pipeline", START.minusSeconds(86_400), Map.of(".gitlab-ci.yml", "stages: [prepare, migrate, qa]\n"));
        }
        seed.project(DEPLOYER, "private", "master", deployerDir);
        seed.pipelineJobs(DEPLOYER, EmulatorSeed.JobSpec.build("$DEPLOY_ENVIRONMENT-prepare", "prepare"),
                EmulatorSeed.JobSpec.build("$DEPLOY_ENVIRONMENT-post-deploy-migrations", "migrate"),
                EmulatorSeed.JobSpec.bridge("qa-trigger", "qa"));

        Path productionDir = seed.repositoryFolder(PRODUCTION);
        try (Git git = Git.init().setDirectory(productionDir.toFile()).setInitialBranch("master").call()) {
            commit(git, "Tracker", START.minusSeconds(86_400), Map.of("README.md", "production\n"));
        }
        seed.project(PRODUCTION, "public", "master", productionDir);
        seed.migration("main", "20231102000000", "second", false);
        seed.migration("main", "20231101000000", "first", true);
    }

    /** One answer over real HTTP on loopback. */
    record Response(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    Response get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    Response get(String path) {
        return get(path, ROOT);
    }

    Response form(String method, String path, String token, String form) {
        return send(method, path, token, "application/x-www-form-urlencoded", form);
    }

    Response json(String method, String path, String token, String json) {
        return send(method, path, token, "application/json", json);
    }

    Response send(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.url() + path)).timeout(Duration.ofSeconds(10));
        if (token != null) b.header("PRIVATE-TOKEN", token);
        if (contentType != null) b.header("Content-Type", contentType);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> headers = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), v.isEmpty() ? "" : v.get(0)));
            return new Response(r.statusCode(), headers, r.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        }
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String project(String fullPath) {
        return "/api/v4/projects/" + enc(fullPath);
    }

    List<String> names(JsonNode array, String field) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Override
    public void close() {
        emulator.close();
    }
}
