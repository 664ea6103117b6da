package pdmbot.ledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback stand-in for the few GitLab endpoints ledger ingestion reads under GitLab.com's package convention,
 * for {@code bench ledger --world gitlab} only: omnibus tags ({@code order_by=version}, offset pages with
 * {@code X-Next-Page} and no totals), commits by short sha, straight compares, raw files, path-filtered commit lists
 * and the first package's tree. Answers are shaped after GitLab's entities (gitlab-facts §3, §5, §8) with only the
 * fields the bot reads; it is a load generator, not an emulator, and counts the requests by endpoint.
 */
final class BenchGitLab implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    static final String OMNIBUS = "gitlab-org/security/omnibus-gitlab";
    static final String SECURITY = "gitlab-org/security/gitlab";

    /** One package: its tag, its rails commit and the post-deploy migrations it brought. */
    record Package(String tag, String railsSha, Instant builtAt, List<String> migrations) {
    }

    private final HttpServer server;
    private final List<Package> packages = new ArrayList<>();
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final Instant start = Instant.parse("2023-11-01T00:00:00Z");

    BenchGitLab() throws IOException {
        // without it the JDK server's separate header and body writes meet Nagle and delayed ACKs: ~40 ms a request
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v4/projects/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized void addPackage(int migrations) {
        int i = packages.size();
        Instant built = start.plusSeconds(1200L * i);
        String rails = sha("rails-" + i);
        String omnibus = sha("omnibus-" + i);
        List<String> files = new ArrayList<>();
        for (int m = 0; m < migrations; m++) {
            String version = VERSION.format(built.plusSeconds(m - 600L));
            files.add("db/post_migrate/" + version + "_bench_migration_" + i + "_" + m + ".rb");
        }
        packages.add(new Package("16.6." + STAMP.format(built) + "+" + rails.substring(0, 11) + "." + omnibus.substring(0, 11),
                rails, built, List.copyOf(files)));
    }

    /** Requests by endpoint since the last reset. */
    Map<String, Long> requests() {
        Map<String, Long> copy = new LinkedHashMap<>();
        requests.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    void resetCounts() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String raw = exchange.getRequestURI().getRawPath().substring("/api/v4/projects/".length());
            int slash = raw.indexOf('/');
            String project = URLDecoder.decode(raw.substring(0, slash), StandardCharsets.UTF_8);
            String rest = raw.substring(slash);
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Object body = route(project, rest, query, exchange);
            if (body == null) {
                send(exchange, 404, "{\"message\":\"404 Not Found\"}", "application/json");
            } else if (body instanceof String text) {
                send(exchange, 200, text, "text/plain");
            } else {
                send(exchange, 200, JSON.writeValueAsString(body), "application/json");
            }
        }
    }

    private synchronized Object route(String project, String rest, Map<String, String> query, HttpExchange exchange) {
        if (project.equals(OMNIBUS) && rest.equals("/repository/tags")) return count("tags", tags(query, exchange));
        if (!project.equals(SECURITY)) return null;
        if (rest.startsWith("/repository/commits/")) return count("commit", commit(rest.substring("/repository/commits/".length())));
        if (rest.equals("/repository/compare")) return count("compare", compare(query.get("from"), query.get("to")));
        if (rest.startsWith("/repository/files/") && rest.endsWith("/raw"))
            return count("file", "class BenchMigration < Gitlab::Database::Migration[2.2]\n  def up\n  end\nend\n# "
                    + URLDecoder.decode(rest, StandardCharsets.UTF_8) + "\n");
        if (rest.equals("/repository/commits")) return count("commits_touching", commitsTouching(query.get("ref_name")));
        if (rest.equals("/repository/tree")) return count("tree", tree(query.get("ref")));
        if (rest.startsWith("/repository/blobs/")) return count("blob", "class BenchMigration; end\n" + rest + "\n");
        return null;
    }

    private <T> T count(String endpoint, T answer) {
        requests.computeIfAbsent(endpoint, k -> new AtomicLong()).incrementAndGet();
        return answer;
    }

    private ArrayNode tags(Map<String, String> query, HttpExchange exchange) {
        int perPage = Math.min(100, Integer.parseInt(query.getOrDefault("per_page", "20")));
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        ArrayNode list = JSON.createArrayNode();
        int from = packages.size() - 1 - (page - 1) * perPage;
        for (int i = from; i >= 0 && i > from - perPage; i--) {
            Package p = packages.get(i);
            // release-tools auto_deploy/tagger/omnibus.rb: "Auto-deploy Omnibus <tag>\n\n" + "<component>: <version>" lines
            ObjectNode tag = list.addObject().put("name", p.tag()).put("message", "Auto-deploy Omnibus " + p.tag()
                            + "\n\nVERSION: " + p.railsSha() + "\nGITALY_SERVER_VERSION: " + sha("gitaly-" + i) + "\n")
                    .put("target", sha("tag-" + i)).putNull("release").put("protected", false)
                    .put("created_at", p.builtAt().toString());
            tag.putObject("commit").put("id", sha("omnibus-" + i)).put("short_id", sha("omnibus-" + i).substring(0, 8));
        }
        boolean more = from - perPage >= 0;
        exchange.getResponseHeaders().add("X-Page", String.valueOf(page));
        exchange.getResponseHeaders().add("X-Per-Page", String.valueOf(perPage));
        exchange.getResponseHeaders().add("X-Next-Page", more ? String.valueOf(page + 1) : "");
        return list;
    }

    private ObjectNode commit(String shortSha) {
        for (Package p : packages) {
            if (p.railsSha().startsWith(shortSha)) {
                return JSON.createObjectNode().put("id", p.railsSha()).put("short_id", p.railsSha().substring(0, 8))
                        .put("title", "bench").put("message", "bench").put("author_name", "bench")
                        .put("author_email", "bench@example.com").put("authored_date", p.builtAt().toString())
                        .put("committed_date", p.builtAt().toString()).put("created_at", p.builtAt().toString());
            }
        }
        return null;
    }

    private ObjectNode compare(String from, String to) {
        int a = indexOf(from);
        int b = indexOf(to);
        if (a < 0 || b < 0) return null;
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("commit").put("id", to);
        answer.putArray("commits");
        ArrayNode diffs = answer.putArray("diffs");
        for (int i = Math.min(a, b) + 1; i <= Math.max(a, b); i++) {
            for (String path : packages.get(i).migrations()) {
                diffs.addObject().put("old_path", path).put("new_path", path).put("a_mode", "0").put("b_mode", "100644")
                        .put("new_file", a < b).put("renamed_file", false).put("deleted_file", a > b)
                        .put("generated_file", false).put("diff", "@@ -0,0 +1,4 @@\n+class BenchMigration\n")
                        .put("collapsed", false).put("too_large", false);
            }
        }
        answer.put("compare_timeout", false).put("compare_same_ref", a == b).put("web_url", url() + "/compare");
        return answer;
    }

    private ArrayNode commitsTouching(String ref) {
        ArrayNode list = JSON.createArrayNode();
        int i = indexOf(ref);
        if (i >= 0) list.addObject().put("id", ref).put("short_id", ref.substring(0, 8)).put("title", "bench");
        return list;
    }

    private ArrayNode tree(String ref) {
        ArrayNode list = JSON.createArrayNode();
        int upTo = indexOf(ref);
        for (int i = 0; i <= upTo; i++) {
            for (String path : packages.get(i).migrations())
                list.addObject().put("id", sha(path)).put("name", path.substring(path.lastIndexOf('/') + 1))
                        .put("type", "blob").put("path", path).put("mode", "100644");
        }
        return list;
    }

    private int indexOf(String railsSha) {
        for (int i = 0; i < packages.size(); i++) if (packages.get(i).railsSha().equals(railsSha)) return i;
        return -1;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null) return values;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String sha(String seed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-1", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
