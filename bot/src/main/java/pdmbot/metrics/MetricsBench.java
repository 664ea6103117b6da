package pdmbot.metrics;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pdmbot.http.Endpoint;
import pdmbot.http.HttpServer;

/**
 * {@code bench metrics}: {@code GET /metrics} over loopback HTTP from the bot's own server, one scrape after another
 * as Prometheus makes them; prints the scrape latency (p50, p99, max) and size as one JSON line. Prints, never asserts.
 */
public final class MetricsBench {

    private MetricsBench() {
    }

    public static void run(PrintStream out, Map<String, Endpoint> endpoints, int scrapes) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        try (HttpServer server = HttpServer.start("127.0.0.1", 0, endpoints)) {
            HttpRequest scrape = HttpRequest.newBuilder(URI.create(server.baseUri() + "/metrics")).build();
            for (int i = 0; i < 50; i++) http.send(scrape, HttpResponse.BodyHandlers.ofString());
            List<Long> nanos = new ArrayList<>();
            int bytes = 0;
            int series = 0;
            for (int i = 0; i < scrapes; i++) {
                long start = System.nanoTime();
                HttpResponse<String> r = http.send(scrape, HttpResponse.BodyHandlers.ofString());
                nanos.add(System.nanoTime() - start);
                bytes = r.body().length();
                series = (int) r.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank()).count();
            }
            Collections.sort(nanos);
            out.println(String.format(Locale.ROOT, "{\"bench\":\"metrics\",\"scrapes\":%d,\"series\":%d,\"bytes\":%d,"
                            + "\"scrape_p50_ms\":%.2f,\"scrape_p99_ms\":%.2f,\"scrape_max_ms\":%.2f}", scrapes, series, bytes,
                    at(nanos, 50), at(nanos, 99), nanos.get(nanos.size() - 1) / 1e6));
        }
    }

    private static double at(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
