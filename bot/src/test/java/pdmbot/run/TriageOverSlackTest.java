package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;
import static pdmbot.adapters.slack.SignedSlack.JSON;
import static pdmbot.adapters.slack.SignedSlack.actionId;
import static pdmbot.adapters.slack.SignedSlack.await;
import static pdmbot.adapters.slack.SignedSlack.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.adapters.slack.SignedSlack;
import pdmbot.adapters.slack.SlackAdapter;
import pdmbot.config.BotConfig;

/**
 * The key steps of a triage through real signed Slack requests (slash commands and a block_actions click shaped as
 * https://api.slack.com/interactivity/slash-commands and https://api.slack.com/reference/interaction-payloads/block-actions
 * document them) into the bot's HTTP server, on the demo world, Slack's Web API on WireMock: the triage started by the
 * failure, a button answered, an incident opened, a hand-over, the retry, the triage closed.
 */
class TriageOverSlackTest {

    @TempDir
    Path dir;
    SignedSlack slack;
    TestBot bot;

    @BeforeEach
    void start() throws Exception {
        slack = SignedSlack.start("C0001", Clock.systemUTC());
        BotConfig base = TestBot.config(dir);
        BotConfig config = new BotConfig(base.data(), base.store(), base.world(), new BotConfig.Roles(Map.of("slack", List.of("U_RM"))),
                base.console(), base.rules(), base.http(), base.slack(), base.discord(), base.run(), base.decide(), base.durations(),
                base.schedule());
        bot = TestBot.start(config);
        SlackAdapter adapter = slack.serve(bot.bot.core()::handle, bot.bot.interactions(), Duration.ofSeconds(5));
        bot.bot.announcements().subscribe(adapter.announcementsTo("C0001"));
    }

    @AfterEach
    void stop() {
        slack.close();
        bot.close();
    }

    @Test
    void a_whole_triage_through_signed_slack_requests_ends_closed_by_the_successful_retry() throws Exception {
        bot.say("demo fail next 20231107025611");
        bot.say("pdm execute --confirm");
        bot.awaitIdle();

        // started by the failure: the live summary is posted in the run's thread, with its buttons
        LoggedRequest summary = await(() -> posted("chat.postMessage", "Triage of PDM run #1"));
        JsonNode blocks = JSON.readTree(form(summary, "blocks"));
        String retrySafe = actionId(blocks, "Retry safe: yes");

        click(blocks, retrySafe, "U_RM");
        await(() -> responded("recorded for alice"));
        LoggedRequest edited = await(() -> posted("chat.update", "*yes* by alice"));
        assertThat(form(edited, "ts")).isEqualTo("1700000000.000100");

        int issuesBefore = bot.demo().activeIncidents().size();
        slash("triage answer 1 incident 3");
        await(() -> responded("severity::3"));
        assertThat(bot.demo().activeIncidents()).hasSize(issuesBefore + 1);
        assertThat(bot.demo().activeIncidents().get(issuesBefore).title()).isEqualTo(
                "Post-deploy migration 20231107025611 failed on db/gstg (PDM run #1)");

        slash("triage answer 1 hand-over @bob");
        await(() -> responded("Handed over to @bob"));
        click(blocks, retrySafe, "U_RM");
        await(() -> responded("already used"));

        bot.say("demo fail clear");
        bot.say("demo incident close");
        slash("pdm retry 1 --confirm");
        await(() -> responded("Resuming run #1"));
        bot.awaitIdle();
        await(() -> posted("chat.update", "run #1 was retried and succeeded"));
    }

    private void slash(String text) throws Exception {
        slack.sendAcknowledged(slack.slashCommand(text, SignedSlack.TEAM, "U_RM", "alice"));
    }

    private void click(JsonNode blocks, String actionId, String user) throws Exception {
        slack.sendAcknowledged(slack.blockActions(blocks, actionId, user, "alice", "C0001"));
    }

    private LoggedRequest posted(String method, String text) {
        return slack.requests("/api/" + method).stream()
                .filter(r -> String.valueOf(form(r, "text")).contains(text) || String.valueOf(form(r, "blocks")).contains(text))
                .findFirst().orElse(null);
    }

    private LoggedRequest responded(String text) {
        return slack.requests("/respond").stream()
                .filter(r -> r.getBodyAsString().contains(text)).findFirst()
                .or(() -> slack.requests("/api/chat.postMessage").stream()
                        .filter(r -> String.valueOf(form(r, "text")).contains(text)).findFirst())
                .orElse(null);
    }
}
