package pdmbot.emulator.prometheus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small Prometheus for the demo, on 127.0.0.1: {@code GET /api/v1/query} and {@code /api/v1/query_range} answered
 * in the shapes of https://prometheus.io/docs/prometheus/latest/querying/api/ (instant vector, range matrix; values
 * as strings, times as unix seconds; a bad parameter is 400 {@code {"status":"error","errorType":"bad_data",…}}). It
 * knows the series the demo's queries name, with values from a {@link Model}; any other query has no series.
 */
public final class PrometheusEmulator implements AutoCloseable {

    /** Where the values come from. */
    public interface Model {
        /** Requests per second at {@code at}. */
        double requestRate(Instant at);

        /** Autovacuum workers running on {@code table} now. */
        int autovacuumWorkers(String table);

        /** WAL segments waiting to be archived. */
        double pendingWal();

        /** Patroni's apdex ratio over 5 minutes. */
        double patroniApdex();
    }

    /** The series the demo configuration's queries read. */
    public static final String REQUESTS = "gitlab_transaction_duration_seconds_count";
    public static final String AUTOVACUUM = "pg_stat_activity_autovacuum_active";
    public static final String WAL = "pg_archiver_pending_wal_count";
    public static final String APDEX = "gitlab_component_apdex:ratio_5m";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RELNAME = Pattern.compile("relname=\"([^\"]+)\"");
    private static final long MAX_POINTS = 11_000; // Prometheus refuses a range of more than 11,000 points per series

    private final HttpServer server;
    private final Model model;

    private PrometheusEmulator(HttpServer server, Model model) {
        this.server = server;
        this.model = model;
    }

    /** Starts on 127.0.0.1 at {@code port} (0 = any free port). */
    public static PrometheusEmulator start(int port, Model model) {
        try {
            // without it the JDK server waits on Nagle for each small answer (~40 ms a call); read once, when the first server starts
            if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            PrometheusEmulator emulator = new PrometheusEmulator(server, model);
            server.createContext("/api/v1/", emulator::handle);
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new pdmbot.emulator.UnableToStartEmulatorException("cannot start the demo Prometheus on 127.0.0.1:" + port, e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> params = params(exchange.getRequestURI());
            String path = exchange.getRequestURI().getPath();
            ObjectNode body;
            int status = 200;
            try {
                if (path.equals("/api/v1/query")) body = instant(params);
                else if (path.equals("/api/v1/query_range")) body = range(params);
                else {
                    status = 404;
                    body = error("not_found", "no such endpoint " + path);
                }
            } catch (BadData e) {
                status = 400;
                body = error("bad_data", e.getMessage());
            }
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static final class BadData extends RuntimeException {
        BadData(String message) {
            super(message, null, false, false);
        }
    }

    private ObjectNode instant(Map<String, String> params) {
        String query = required(params, "query");
        Instant at = params.containsKey("time") ? time(params.get("time"), "time") : Instant.now();
        ArrayNode result = JSON.createArrayNode();
        value(query, at).ifPresent(v -> {
            ObjectNode series = result.addObject();
            series.set("metric", JSON.createObjectNode());
            ArrayNode point = series.putArray("value");
            point.add(at.toEpochMilli() / 1000.0);
            point.add(number(v));
        });
        return success("vector", result);
    }

    private ObjectNode range(Map<String, String> params) {
        String query = required(params, "query");
        Instant start = time(required(params, "start"), "start");
        Instant end = time(required(params, "end"), "end");
        long step = step(required(params, "step"));
        if (end.isBefore(start)) throw new BadData("end timestamp must not be before start time");
        if ((end.getEpochSecond() - start.getEpochSecond()) / step > MAX_POINTS)
            throw new BadData("exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)");
        ArrayNode result = JSON.createArrayNode();
        if (value(query, start).isPresent()) {
            ObjectNode series = result.addObject();
            series.set("metric", JSON.createObjectNode());
            ArrayNode values = series.putArray("values");
            for (Instant t = start; !t.isAfter(end); t = t.plusSeconds(step)) {
                ArrayNode point = values.addArray();
                point.add(t.getEpochSecond());
                point.add(number(value(query, t).orElse(0.0)));
            }
        }
        return success("matrix", result);
    }

    private Optional<Double> value(String query, Instant at) {
        if (query.contains(REQUESTS)) return Optional.of(model.requestRate(at));
        if (query.contains(AUTOVACUUM)) {
            Matcher m = RELNAME.matcher(query);
            return Optional.of((double) (m.find() ? model.autovacuumWorkers(m.group(1)) : 0));
        }
        if (query.contains(WAL)) return Optional.of(model.pendingWal());
        if (query.contains(APDEX)) return Optional.of(model.patroniApdex());
        return Optional.empty();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.4f", v);
    }

    private static ObjectNode success(String type, ArrayNode result) {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", "success");
        ObjectNode data = body.putObject("data");
        data.put("resultType", type);
        data.set("result", result);
        return body;
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", "error");
        body.put("errorType", type);
        body.put("error", message);
        return body;
    }

    private static String required(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null || v.isBlank()) throw new BadData("invalid parameter \"" + name + "\": missing");
        return v;
    }

    private static Instant time(String text, String name) {
        try {
            double seconds = Double.parseDouble(text);
            return Instant.ofEpochMilli(Math.round(seconds * 1000));
        } catch (NumberFormatException e) {
            try {
                return Instant.parse(text);
            } catch (java.time.format.DateTimeParseException e2) {
                throw new BadData("invalid parameter \"" + name + "\": cannot parse \"" + text + "\" to a valid timestamp");
            }
        }
    }

    private static long step(String text) {
        Matcher m = Pattern.compile("(\\d+)([smhd]?)").matcher(text);
        if (!m.matches() || Long.parseLong(m.group(1)) <= 0)
            throw new BadData("invalid parameter \"step\": cannot parse \"" + text + "\" to a valid duration");
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> n * 60;
            case "h" -> n * 3600;
            case "d" -> n * 86400;
            default -> n;
        };
    }

    private static Map<String, String> params(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String q = uri.getRawQuery();
        if (q == null) return params;
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) continue;
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
