package pdmbot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 2: the shipped alert rules pass Prometheus' own checker, {@code promtool} (Debian's {@code prometheus}
 * package; {@code .ci/run} installs it), and its unit tests of the pending alert. Without promtool the test is skipped
 * locally, saying so, and fails in CI (the {@code CI} variable set).
 */
class PrometheusRulesTest {

    static final Path RULES = Path.of("..", "config", "prometheus", "alerts.yaml");
    static final Path RULE_TESTS = Path.of("..", "config", "prometheus", "alerts.test.yaml");

    record Result(int exit, String output) {
    }

    @BeforeAll
    static void promtoolIsThere() throws Exception {
        boolean found;
        try {
            found = run(List.of("promtool", "--version")).exit() == 0;
        } catch (IOException e) {
            found = false;
        }
        String ci = System.getenv("CI");
        if (!found && ci != null && !ci.isBlank())
            throw new AssertionError("promtool is not installed, and CI must check the alert rules: install Debian's"
                    + " `prometheus` package (.ci/run does)");
        Assumptions.assumeTrue(found, "promtool is not installed, so config/prometheus/alerts.yaml is not checked here:"
                + " `apt-get install prometheus` (Debian) to check it; CI fails without it");
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not end within 60 s");
        }
        return new Result(p.exitValue(), out);
    }

    @Test
    void the_shipped_alert_rules_pass_promtool_check_rules() throws Exception {
        Result check = run(List.of("promtool", "check", "rules", RULES.toString()));

        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 3 rules found");
    }

    @Test
    void the_pending_stuck_and_untriaged_alerts_pass_their_promtool_unit_tests() throws Exception {
        Result test = run(List.of("promtool", "test", "rules", RULE_TESTS.toString()));

        assertThat(test.exit()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void a_rule_with_a_broken_expression_fails_the_checker(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("alerts.yaml");
        Files.writeString(broken, Files.readString(RULES).replace(") > 5\n", ") >\n"));

        Result check = run(List.of("promtool", "check", "rules", broken.toString()));

        assertThat(check.exit()).isNotZero();
        assertThat(check.output()).contains("PdmPendingOnProductionTooLong", "could not parse expression");
    }

    @Test
    void a_pending_threshold_off_by_one_fails_the_rule_unit_tests(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("alerts.yaml"), Files.readString(RULES).replace(") > 5\n", ") > 6\n"));
        Files.copy(RULE_TESTS, dir.resolve("alerts.test.yaml"));

        Result test = run(List.of("promtool", "test", "rules", dir.resolve("alerts.test.yaml").toString()));

        assertThat(test.exit()).isNotZero();
        assertThat(test.output()).contains("PdmPendingOnProductionTooLong");
    }

    @Test
    void every_metric_the_rules_read_is_one_the_bot_exports() throws Exception {
        Matcher m = Pattern.compile("pdm_[a-z_]+").matcher(Files.readString(RULES));
        List<String> used = new ArrayList<>();
        while (m.find()) if (!used.contains(m.group())) used.add(m.group());
        List<String> exported = List.of(prometheus(BotMetrics.PENDING, ""), prometheus(BotMetrics.OLDEST, "_seconds"),
                prometheus(BotMetrics.STEP_RUNNING, "_seconds"), prometheus(BotMetrics.UNTRIAGED, "_seconds"));

        assertThat(used).isNotEmpty().allSatisfy(name -> assertThat(exported).contains(name));
    }

    private static String prometheus(String micrometerName, String unit) {
        return micrometerName.replace('.', '_') + unit;
    }
}
