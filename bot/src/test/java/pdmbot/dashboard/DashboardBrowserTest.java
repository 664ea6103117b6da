package pdmbot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import pdmbot.app.PdmBot;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.config.BotConfig;
import pdmbot.domain.Environment;
import pdmbot.run.PendingPlan;
import pdmbot.serve.ServeRunner;

/**
 * The dashboard in a real headless browser (Debian's chromium through its chromedriver, one browser for the class):
 * served by {@code serve}'s HTTP server over the demo world, it shows what is pending and a run, and after a
 * {@code pdm execute --confirm} through the chat core it shows the new run without being reloaded (issue 17 item 5).
 * Skipped when chromium is not installed, unless {@code CI} is set: there {@code .ci/run} installs it and a missing
 * browser fails. {@code -Dpdm.dashboard.screenshot=<file>} keeps the screenshot there (docs/dashboard.png).
 */
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("pdm.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("pdm.chromedriver", "/usr/bin/chromedriver"));

    static WebDriver browser;

    @TempDir
    static Path data;

    @BeforeAll
    static void startTheBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            String missing = "chromium (" + CHROMIUM + ") or chromedriver (" + DRIVER + ") is not installed; `apt-get install"
                    + " chromium chromium-driver` runs the dashboard's browser test";
            if (System.getenv("CI") != null) fail(missing + ". CI is set, and .ci/run installs them: they must be there.");
            Assumptions.abort(missing + ". Skipped.");
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // as root (CI) chromium needs --no-sandbox; /dev/shm is small in containers
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1800", "--no-first-run", "--disable-extensions");
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) browser.quit();
    }

    static Reply say(PdmBot bot, String text) {
        String user = bot.config().console().user();
        return bot.core().handle(new ChatRequest("console", user, user, "", null, text, "", Instant.now()));
    }

    /** A section's text as shown, read in one script call: the page may swap its content in between two WebDriver calls. */
    static String text(String id) {
        Object text = ((JavascriptExecutor) browser).executeScript(
                "var e = document.getElementById(arguments[0]); return e === null ? '' : e.innerText;", id);
        return String.valueOf(text);
    }

    @Test
    void the_page_shows_the_demo_worlds_pending_migrations_and_runs_and_follows_a_new_run_without_a_reload() throws Exception {
        BotConfig config = new BotConfig(data.toString(), null, null, null, null, null, new BotConfig.Http("127.0.0.1", 0),
                null, null, null);
        try (PdmBot bot = PdmBot.start(config, Map.of());
             ServeRunner.Serving serving = ServeRunner.start(config, bot.core(), bot.interactions(), bot.instance(), Map.of(),
                     bot.announcements(), DashboardSources.of(bot, java.time.Clock.systemUTC()))) {
            // a first run, refused by a lock, so that the page has a run to show from the start
            say(bot, "pdm lock gprd for the dashboard test");
            assertThat(say(bot, "pdm execute --confirm").outcome()).isEqualTo(Reply.Outcome.REFUSED);
            Reply unlocked = say(bot, "pdm unlock gprd --confirm");
            assertThat(unlocked.outcome()).as(unlocked.plainText()).isEqualTo(Reply.Outcome.OK);
            PendingPlan pending = bot.runs().pending();

            browser.get("http://127.0.0.1:" + serving.httpPort() + "/dashboard");

            assertThat(browser.getTitle()).isEqualTo("pdm-bot — post-deploy migrations");
            String shown = text("pending");
            for (Environment environment : pending.environments()) {
                assertThat(pending.on(environment)).isNotEmpty();
                for (PendingPlan.Entry entry : pending.on(environment)) assertThat(shown).contains(entry.migration().version());
            }
            assertThat(shown).contains("db/gprd main\n" + pending.countOn(Environment.GPRD, pdmbot.domain.LogicalDatabase.MAIN));
            assertThat(browser.findElements(By.cssSelector("#pending tbody tr")))
                    .hasSize(pending.on(Environment.GSTG).size() + pending.on(Environment.GPRD).size());
            assertThat(text("runs")).contains("#1", "refused");
            assertThat(text("windows")).containsAnyOf("RUN_NOW", "WAIT_UNTIL", "BLOCKED").contains("db/gprd", "ddl_cleanup");
            assertThat(text("rollback")).contains("gprd runs " + pending.packageOn(Environment.GPRD).orElseThrow().version() + ";");
            assertThat(browser.findElements(By.cssSelector("#pending tbody span.na"))).as("every migration has a decision").isEmpty();
            assertThat(shown).doesNotContain("no decision");
            screenshot();
            ((JavascriptExecutor) browser).executeScript("window.sameDocument = 'yes';");

            Reply started = say(bot, "pdm execute --confirm");
            assertThat(started.outcome()).as(started.plainText()).isEqualTo(Reply.Outcome.OK);
            assertThat(bot.runs().awaitIdle(Duration.ofSeconds(60))).as("the run ended in time").isTrue();

            new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).withMessage("the page shows run #2 succeeded and nothing pending")
                    .until(b -> text("runs").contains("#2") && text("runs").contains("succeeded")
                            && text("pending").contains("Nothing is pending."));
            assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument;"))
                    .as("the page was updated in place, not reloaded").isEqualTo("yes");
            assertThat(browser.findElements(By.cssSelector("#runs svg g.bar"))).hasSize(2);
            assertThat(text("live")).isEqualTo("live");
        }
    }

    private static void screenshot() throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "dashboard.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        String kept = System.getProperty("pdm.dashboard.screenshot");
        if (kept != null && !kept.isBlank()) Files.copy(shot, Path.of(kept), StandardCopyOption.REPLACE_EXISTING);
    }
}
