package pdmbot.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.telemetry.CallErrors;
import pdmbot.run.RunEvents;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunState;

/**
 * Grafana annotations of PDM runs and migrations through Grafana's HTTP annotations API
 * (https://grafana.com/docs/grafana/latest/developers/http_api/annotations/, "Create Annotation" and "Patch
 * Annotation"): a run is a region from its start ({@code POST /api/annotations}) to its end ({@code PATCH
 * /api/annotations/:id} with {@code timeEnd}), tagged with its environments and outcome; each executed migration is a
 * point. Calls go out on a thread of their own, so a run never waits for Grafana; a failed call is logged (never with
 * the token) and counted, and never reaches the run.
 */
public final class GrafanaAnnotations implements RunEvents, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GrafanaAnnotations.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where annotations go: the Grafana base URL, the service-account token, an optional dashboard, the call timeout. */
    public record Settings(URI url, String token, Optional<String> dashboardUid, Duration timeout) {
    }

    private final Settings settings;
    private final HttpClient http;
    private final CallErrors errors;
    private final ExecutorService calls;
    private final Map<Long, Long> regions = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger queued = new java.util.concurrent.atomic.AtomicInteger();

    public GrafanaAnnotations(Settings settings, CallErrors errors) {
        this.settings = settings;
        this.errors = errors;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.calls = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pdm-grafana");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void runStarted(RunRecord run, List<Environment> environments) {
        later("annotate the start of run " + run.id(), () -> {
            ObjectNode body = annotation(run.startedAt(), tags(run, environments, null),
                    "PDM run #" + run.id() + " started by " + run.startedBy() + " on " + names(environments));
            send("POST", "api/annotations", body).map(a -> a.path("id")).filter(JsonNode::canConvertToLong)
                    .ifPresent(id -> regions.put(run.id(), id.asLong()));
        });
    }

    @Override
    public void runEnded(RunRecord run) {
        later("annotate the end of run " + run.id(), () -> {
            Instant end = run.finishedAt() != null ? run.finishedAt() : Instant.now();
            List<String> tags = tags(run, List.of(), run.state().id());
            String text = "PDM run #" + run.id() + " " + run.state().id() + (run.outcome().isBlank() ? "" : ": " + run.outcome());
            Optional<Long> region = Optional.ofNullable(regions.remove(run.id()));
            if (region.isEmpty() && run.state() != RunState.CANCELLED && run.state() != RunState.REFUSED)
                region = findRegion(run.id());
            if (region.isPresent()) {
                ObjectNode patch = JSON.createObjectNode();
                patch.put("timeEnd", end.toEpochMilli());
                patch.set("tags", array(tags));
                patch.put("text", text);
                send("PATCH", "api/annotations/" + region.get(), patch);
            } else {
                // stopped by its checks (never started), or started where no region was recorded: one whole region
                ObjectNode body = annotation(run.startedAt(), tags, text);
                body.put("timeEnd", end.toEpochMilli());
                send("POST", "api/annotations", body);
            }
        });
    }

    @Override
    public void migrationExecuted(RunRecord run, Environment environment, LogicalDatabase database, String version, String name,
                                  Optional<Duration> took) {
        Instant at = Instant.now();
        later("annotate migration " + version + " of run " + run.id(), () -> {
            List<String> tags = new ArrayList<>(List.of("pdm", "pdm-migration", "run:" + run.id(),
                    "environment:" + environment.databaseEnvironment(), "database:" + database.id(), "migration:" + version));
            send("POST", "api/annotations", annotation(at, tags, version + " " + name + " ran on " + environment.databaseEnvironment()
                    + " " + database.id() + took.map(d -> " in " + d.toSeconds() + " s").orElse("")));
        });
    }

    /** A run started by another instance (or before a restart) has its region found by its tags. */
    private Optional<Long> findRegion(long runId) {
        Optional<JsonNode> found = send("GET", "api/annotations?type=annotation&limit=1&tags=pdm-run&tags="
                + URLEncoder.encode("run:" + runId, StandardCharsets.UTF_8), null);
        return found.filter(JsonNode::isArray).filter(a -> a.size() > 0).map(a -> a.get(0).path("id"))
                .filter(JsonNode::canConvertToLong).map(JsonNode::asLong);
    }

    private ObjectNode annotation(Instant time, List<String> tags, String text) {
        ObjectNode body = JSON.createObjectNode();
        settings.dashboardUid().ifPresent(uid -> body.put("dashboardUID", uid));
        body.put("time", time.toEpochMilli());
        body.set("tags", array(tags));
        body.put("text", text);
        return body;
    }

    private static List<String> tags(RunRecord run, List<Environment> environments, String outcome) {
        List<String> tags = new ArrayList<>(List.of("pdm", "pdm-run", "run:" + run.id()));
        for (Environment e : environments) tags.add("environment:" + e.databaseEnvironment());
        if (outcome != null) tags.add("outcome:" + outcome);
        return tags;
    }

    private static String names(List<Environment> environments) {
        return String.join(", ", environments.stream().map(Environment::databaseEnvironment).toList());
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private void later(String what, Runnable call) {
        queued.incrementAndGet();
        try {
            calls.execute(() -> {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    log.warn("could not {} in Grafana: {}", what, e.toString());
                } finally {
                    queued.decrementAndGet();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queued.decrementAndGet();
            log.info("not annotating in Grafana ({}): the bot is stopping", what);
        }
    }

    /** The answer's JSON, or empty when the call failed (logged and counted by status). */
    private Optional<JsonNode> send(String method, String path, ObjectNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url().resolve(path)).timeout(settings.timeout())
                .header("Accept", "application/json").header("Authorization", "Bearer " + settings.token());
        if (body != null) request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        else request.method(method, HttpRequest.BodyPublishers.noBody());
        String call = method + " " + path.replaceAll("\\?.*", "");
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                errors.failed(method, Integer.toString(response.statusCode()));
                log.warn("Grafana answered {} to {}: {}", response.statusCode(), call, shorten(response.body()));
                return Optional.empty();
            }
            return Optional.of(JSON.readTree(response.body()));
        } catch (java.net.http.HttpTimeoutException e) {
            errors.failed(method, "timeout");
            log.warn("Grafana did not answer {} within {} s", call, settings.timeout().toSeconds());
        } catch (IOException e) {
            errors.failed(method, "io");
            log.warn("cannot reach Grafana for {}: {}", call, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private static String shorten(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }

    /** Waits until every annotation asked for so far was sent (or failed); for tests and shutdown. */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (queued.get() > 0) {
            if (System.nanoTime() > deadline) return false;
            try {
                // waits on the calls thread itself: an empty task runs only after every queued one
                calls.submit(() -> { }).get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                return queued.get() == 0;
            }
        }
        return true;
    }

    @Override
    public void close() {
        awaitIdle(settings.timeout());
        calls.shutdownNow();
    }
}
