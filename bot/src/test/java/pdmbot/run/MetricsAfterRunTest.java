package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.http.HttpServer;

/** Issue 17 item 1: after a demo run, {@code /metrics} shows the expected series and values, over real HTTP. */
class MetricsAfterRunTest {

    @TempDir
    Path dir;

    static String scrape(HttpServer server) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        return r.body();
    }

    /** The value of the one series whose name and labels are given (labels in Prometheus' order, as the registry writes them). */
    static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertThat(m.find()).as("series %s in\n%s", series, text).isTrue();
        return Double.parseDouble(m.group(1));
    }

    static double sum(String text, String name, String labelMatch) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(text);
        double total = 0;
        while (m.find()) if (m.group(1).contains(labelMatch)) total += Double.parseDouble(m.group(2));
        return total;
    }

    @Test
    void metrics_show_the_pending_migrations_then_the_run_its_steps_migrations_and_commands() throws Exception {
        try (TestBot bot = TestBot.start(TestBot.config(dir));
             HttpServer server = HttpServer.start("127.0.0.1", 0, bot.bot.endpoints())) {
            String before = scrape(server);
            // the demo world on the emulator: db/gstg main 4, ci 3; db/gprd main 8, ci 4
            assertThat(sum(before, "pdm_pending_migrations", "database=\"main\",environment=\"db/gprd\"")).isEqualTo(8);
            assertThat(sum(before, "pdm_pending_migrations", "database=\"ci\",environment=\"db/gprd\"")).isEqualTo(4);
            assertThat(sum(before, "pdm_pending_migrations", "database=\"main\",environment=\"db/gstg\"")).isEqualTo(4);
            assertThat(value(before, "pdm_pending_oldest_age_seconds{database=\"main\",environment=\"db/gprd\"}")).isPositive();
            assertThat(value(before, "pdm_runs_total{outcome=\"succeeded\"}")).isZero();

            assertThat(bot.say("pdm execute --confirm").isOk()).isTrue();
            bot.awaitIdle();
            String after = scrape(server);

            assertThat(sum(after, "pdm_pending_migrations", "environment=\"db/")).isZero();
            assertThat(value(after, "pdm_pending_oldest_age_seconds{database=\"ci\",environment=\"db/gprd\"}")).isZero();
            assertThat(value(after, "pdm_runs_total{outcome=\"succeeded\"}")).isEqualTo(1);
            assertThat(value(after, "pdm_runs_total{outcome=\"failed\"}")).isZero();
            assertThat(value(after, "pdm_run_step_duration_seconds_count{kind=\"migrations\",outcome=\"succeeded\",step=\"gprd\"}")).isEqualTo(1);
            assertThat(value(after, "pdm_run_step_duration_seconds_count{kind=\"qa\",outcome=\"succeeded\",step=\"qa gstg\"}")).isEqualTo(1);
            assertThat(after).contains("pdm_run_step_duration_seconds_bucket{kind=\"migrations\",outcome=\"succeeded\",step=\"gprd\",le=\"");
            assertThat(value(after, "pdm_migration_duration_seconds_count{database=\"main\",environment=\"db/gprd\"}")).isEqualTo(8);
            assertThat(value(after, "pdm_migration_duration_seconds_count{database=\"ci\",environment=\"db/gstg\"}")).isEqualTo(3);
            assertThat(value(after, "pdm_command_duration_seconds_count{command=\"pdm execute\",outcome=\"ok\"}")).isEqualTo(1);
            assertThat(after).doesNotContain("pdm_run_step_running_seconds{").doesNotContain("pdm_run_failed_untriaged_seconds{");
        }
    }

    @Test
    void a_failed_run_is_counted_and_waits_for_triage_on_metrics_until_retried() throws Exception {
        try (TestBot bot = TestBot.start(TestBot.config(dir));
             HttpServer server = HttpServer.start("127.0.0.1", 0, bot.bot.endpoints())) {
            bot.say("demo fail next qa");
            bot.say("pdm execute --confirm");
            bot.awaitIdle();

            String failed = scrape(server);

            assertThat(value(failed, "pdm_runs_total{outcome=\"failed\"}")).isEqualTo(1);
            assertThat(value(failed, "pdm_run_step_duration_seconds_count{kind=\"qa\",outcome=\"failed\",step=\"qa gstg\"}")).isEqualTo(1);
            assertThat(value(failed, "pdm_run_failed_untriaged_seconds{run=\"1\",step=\"qa gstg\"}")).isNotNegative();
            assertThat(sum(failed, "pdm_pending_migrations", "environment=\"db/gstg\"")).isZero();
            assertThat(sum(failed, "pdm_pending_migrations", "environment=\"db/gprd\"")).isEqualTo(12);
        }
    }
}
