package pdmbot.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import pdmbot.chat.Block;
import pdmbot.chat.Reply;

/** Text from GitLab reaches Slack as literal text (issue 12, item 7); response_url is used within Slack's limits. */
class SlackEscapingTest {

    @Test
    void a_commit_title_with_a_channel_ping_is_escaped_as_mrkdwn_and_does_not_ping() {
        Reply reply = Reply.builder().text("MR !1: Revert <!channel> & <@U123> fix").bullets(List.of("a <b> c"))
                .table(List.of("title"), List.of(List.of("<!here>"))).fields(List.of(new Block.Field("by", "<@U9>"))).build();
        List<BlockKitRenderer.SlackMessage> messages = new BlockKitRenderer(b -> "id").render(reply);
        String all = messages.get(0).blocks().toString() + messages.get(0).text();
        assertThat(all).doesNotContain("<!channel>").doesNotContain("<@U123>").doesNotContain("<!here>").doesNotContain("<@U9>");
        SectionBlock first = (SectionBlock) messages.get(0).blocks().get(0);
        assertThat(((MarkdownTextObject) first.getText()).getText()).isEqualTo("MR !1: Revert &lt;!channel&gt; &amp; &lt;@U123&gt; fix");
        assertThat(messages.get(0).text()).contains("&lt;!channel&gt;");
    }

    @Test
    void the_adapters_own_lines_keep_their_deliberate_mentions() {
        assertThat(SlackReplies.note("chosen by <@U_BOB>").blocks().toString()).contains("chosen by <@U_BOB>");
    }

    @Test
    void a_response_url_is_used_five_times_then_no_more() {
        ResponseUrls urls = new ResponseUrls(Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));
        for (int i = 0; i < ResponseUrls.MAX_USES; i++) assertThat(urls.take("https://hooks.slack.com/commands/1")).isTrue();
        assertThat(urls.take("https://hooks.slack.com/commands/1")).isFalse();
        assertThat(urls.take("https://hooks.slack.com/commands/2")).isTrue();
        assertThat(urls.take(null)).isFalse();
    }

    @Test
    void a_response_url_older_than_thirty_minutes_is_not_used() {
        Instant[] now = {Instant.parse("2026-12-01T09:00:00Z")};
        Clock clock = new Clock() {
            public ZoneOffset getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return now[0]; }
        };
        ResponseUrls urls = new ResponseUrls(clock);
        assertThat(urls.take("https://hooks.slack.com/commands/3")).isTrue();
        now[0] = now[0].plus(ResponseUrls.LIFETIME).plus(Duration.ofSeconds(1));
        assertThat(urls.take("https://hooks.slack.com/commands/3")).isFalse();
    }
}
