package pdmbot.adapters.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pdmbot.chat.Block;
import pdmbot.chat.Reply;

/** Announcements reach the configured channel, one thread per topic, without buttons (Slack Web API on WireMock). */
class SlackAnnouncementsTest {

    WireMockServer slackApi;
    SlackAnnouncements announcements;

    @BeforeEach
    void start() {
        slackApi = new WireMockServer(options().dynamicPort());
        slackApi.start();
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"channel\":\"C0ANNOUNCE\",\"ts\":\"1700000000.000100\",\"message\":{\"type\":\"message\",\"text\":\"ok\"}}")));
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slackApi.baseUrl() + "/api/");
        announcements = new SlackAnnouncements(new SlackPoster(Slack.getInstance(config), "xoxb-test", d -> { }), "C0ANNOUNCE");
    }

    @AfterEach
    void stop() {
        slackApi.stop();
    }

    private static String field(LoggedRequest request, String name) {
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return null;
    }

    @Test
    void a_topics_first_message_goes_to_the_channel_and_the_next_ones_into_its_thread() {
        announcements.announce("run-7", Reply.ok("PDM run #7 started by alice"));
        announcements.announce("run-7", Reply.ok("db/gstg: 8 post-deploy migrations executed"));
        announcements.announce("run-8", Reply.ok("PDM run #8 started by bob"));
        announcements.close();
        List<LoggedRequest> posts = slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
        assertThat(posts).hasSize(3);
        assertThat(posts).allSatisfy(p -> assertThat(field(p, "channel")).isEqualTo("C0ANNOUNCE"));
        assertThat(field(posts.get(0), "thread_ts")).isNull();
        assertThat(field(posts.get(1), "thread_ts")).isEqualTo("1700000000.000100");
        assertThat(field(posts.get(2), "thread_ts")).isNull();
        assertThat(field(posts.get(0), "text")).contains("PDM run #7 started by alice");
    }

    @Test
    void buttons_are_left_out_of_announcements() {
        announcements.announce("run-9", Reply.builder().text("Run #9 failed at gstg")
                .buttons(List.of(Block.Button.of("Retry", "pdm retry 9 --confirm"))).build());
        announcements.close();
        LoggedRequest post = slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).get(0);
        assertThat(field(post, "blocks")).contains("Run #9 failed at gstg").doesNotContain("Retry").doesNotContain("actions");
    }

    @Test
    void a_live_message_is_posted_once_in_its_topics_thread_then_edited_in_place_with_chat_update() {
        // chat.update answers as https://api.slack.com/methods/chat.update documents: ok, channel, ts, text
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"channel\":\"C0ANNOUNCE\",\"ts\":\"1700000000.000100\",\"text\":\"ok\"}")));
        SlackAnnouncements live = new SlackAnnouncements(new SlackPoster(Slack.getInstance(config()), "xoxb-test", d -> { }), "C0ANNOUNCE",
                pdmbot.adapters.ChatFixtures.interactions(pdmbot.adapters.ChatFixtures.migratedDatabase()));
        live.announce("run-3", Reply.ok("PDM run #3 failed at gstg"));
        live.announceLive("run-3", "triage-abc", Reply.builder().text("Triage of PDM run #3: retry not answered")
                .buttons(List.of(Block.Button.of("Retry safe: yes", "triage answer 3 retry yes"))).build());
        live.announceLive("run-3", "triage-abc", Reply.ok("Triage of PDM run #3: retry yes by alice"));
        live.close();

        List<LoggedRequest> posts = slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
        List<LoggedRequest> updates = slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/chat.update")));
        assertThat(posts).hasSize(2);
        assertThat(field(posts.get(1), "thread_ts")).isEqualTo("1700000000.000100");
        assertThat(field(posts.get(1), "blocks")).contains("Retry safe: yes").contains("actions");
        assertThat(updates).hasSize(1);
        assertThat(field(updates.get(0), "ts")).isEqualTo("1700000000.000100");
        assertThat(field(updates.get(0), "text")).contains("retry yes by alice");
    }

    @Test
    void a_live_message_posted_before_a_restart_is_edited_by_the_next_instance_not_posted_again() {
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"channel\":\"C0ANNOUNCE\",\"ts\":\"1700000000.000100\",\"text\":\"ok\"}")));
        javax.sql.DataSource db = pdmbot.adapters.ChatFixtures.migratedDatabase();
        SlackAnnouncements before = new SlackAnnouncements(new SlackPoster(Slack.getInstance(config()), "xoxb-test", d -> { }),
                "C0ANNOUNCE", pdmbot.adapters.ChatFixtures.interactions(db));
        before.announceLive("run-4", "triage-def", Reply.ok("Triage of PDM run #4: retry not answered"));
        before.close();
        // a restarted process (or another instance on the same database) has nothing of the first one in memory
        SlackAnnouncements after = new SlackAnnouncements(new SlackPoster(Slack.getInstance(config()), "xoxb-test", d -> { }),
                "C0ANNOUNCE", pdmbot.adapters.ChatFixtures.interactions(db));
        after.announceLive("run-4", "triage-def", Reply.ok("Triage of PDM run #4: retry no by bob"));
        after.close();

        assertThat(slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")))).hasSize(1);
        List<LoggedRequest> updates = slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/chat.update")));
        assertThat(updates).hasSize(1);
        assertThat(field(updates.get(0), "ts")).isEqualTo("1700000000.000100");
        assertThat(field(updates.get(0), "text")).contains("retry no by bob");
    }

    private SlackConfig config() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slackApi.baseUrl() + "/api/");
        return config;
    }
}
