package pdmbot.adapters.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static pdmbot.adapters.discord.DiscordRenderingTest.buttonIds;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;
import pdmbot.adapters.ChatFixtures;
import pdmbot.adapters.ProposalFixture;
import pdmbot.chat.Block;
import pdmbot.chat.Reply;

/**
 * Announcements in the Discord channel, read back through JDA's own {@code toData()} (the JSON JDA sends to
 * {@code POST /channels/{id}/messages} and {@code PATCH /channels/{id}/messages/{id}}): a proposal's Confirm / Skip
 * issued by the core and clicked through {@link DiscordInteractions}, and a live message edited in place, by this
 * instance and by the next one on the same database.
 */
class DiscordAnnouncementsTest {

    /** A channel that records what is sent and edited; message ids are Discord snowflakes, counted from one. */
    static final class RecordingChannel implements DiscordChannel {
        record Sent(String id, MessageCreateData message, String replyTo) {
        }

        record Edited(String id, MessageCreateData message) {
        }

        final List<Sent> sent = new ArrayList<>();
        final List<Edited> edited = new ArrayList<>();
        final Set<String> deleted = new java.util.HashSet<>();
        private long next = 1180000000000000001L;

        @Override
        public String id() {
            return "1180000000000000000";
        }

        @Override
        public synchronized CompletableFuture<String> send(MessageCreateData message, String replyTo) {
            String id = Long.toString(next++);
            sent.add(new Sent(id, message, replyTo));
            return CompletableFuture.completedFuture(id);
        }

        @Override
        public synchronized CompletableFuture<Void> edit(String messageId, MessageCreateData message) {
            // Discord answers 404 Unknown Message (code 10008) for a message that was deleted
            if (deleted.contains(messageId)) return CompletableFuture.failedFuture(new IllegalStateException("10008: Unknown Message"));
            edited.add(new Edited(messageId, message));
            return CompletableFuture.completedFuture(null);
        }
    }

    static String description(MessageCreateData message) {
        return message.getEmbeds().get(0).getDescription();
    }

    /** A proposal's world: the group's window, the core, and the Discord channel its announcements go to. */
    final ProposalFixture proposal = new ProposalFixture();
    final RecordingChannel channel = new RecordingChannel();
    final DiscordInteractions discord = new DiscordInteractions(proposal.core::handle, proposal.interactions, Set.of("G1"),
            Clock.systemUTC());

    {
        proposal.announceTo(new DiscordAnnouncements(channel, proposal.interactions));
    }

    @Test
    void a_proposal_reaches_discord_with_confirm_and_skip_and_a_release_managers_click_starts_the_run_once() {
        proposal.windowOpens();
        List<String> buttons = buttonIds(channel.sent.get(0).message());
        DiscordInteractions.Answer confirmed = discord.click(new DiscordInteractions.Click("i1", "G1", channel.id(), "100", "alice",
                buttons.get(0)));
        DiscordInteractions.Answer again = discord.click(new DiscordInteractions.Click("i2", "G1", channel.id(), "101", "bob",
                buttons.get(0)));

        assertThat(buttons).hasSize(2).allSatisfy(id -> assertThat(id).matches("pdm:[0-9a-f]{32}"));
        assertThat(channel.sent.get(0).message().toData().getArray("components").getObject(0).getArray("components")
                .getObject(0).getString("label")).isEqualTo("Confirm");
        assertThat(confirmed.disableButtons()).isTrue();
        assertThat(description(confirmed.messages().get(0))).contains("PDM run #41 started");
        assertThat(again.messages().get(0).getContent()).contains("already used by <@100>");
        assertThat(proposal.started).containsExactly(ProposalFixture.GROUP);
    }

    @Test
    void a_guests_click_on_a_discord_proposal_is_refused_and_leaves_the_button() {
        proposal.windowOpens();
        String confirm = buttonIds(channel.sent.get(0).message()).get(0);
        DiscordInteractions.Answer guest = discord.click(new DiscordInteractions.Click("i1", "G1", channel.id(), "999", "eve", confirm));
        DiscordInteractions.Answer manager = discord.click(new DiscordInteractions.Click("i2", "G1", channel.id(), "100", "alice", confirm));

        assertThat(guest.messages().get(0).getContent()).contains("release managers");
        assertThat(manager.disableButtons()).isTrue();
        assertThat(proposal.started).containsExactly(ProposalFixture.GROUP);
    }

    @Test
    void an_announcement_loses_its_buttons_and_a_topics_next_message_replies_to_its_first() {
        DiscordAnnouncements announcements = new DiscordAnnouncements(channel, ChatFixtures.interactions(ChatFixtures.migratedDatabase()));

        announcements.announce("run-9", Reply.builder().text("Run #9 failed at gstg")
                .buttons(List.of(Block.Button.of("Retry", "pdm retry 9 --confirm"))).build());
        announcements.announce("run-9", Reply.ok("Run #9 retried"));

        assertThat(buttonIds(channel.sent.get(0).message())).isEmpty();
        assertThat(channel.sent.get(0).replyTo()).isNull();
        assertThat(channel.sent.get(1).replyTo()).isEqualTo(channel.sent.get(0).id());
    }

    @Test
    void a_live_message_is_sent_once_as_a_reply_then_edited_in_place_by_this_instance_and_the_next() {
        DataSource db = ChatFixtures.migratedDatabase();
        DiscordAnnouncements before = new DiscordAnnouncements(channel, ChatFixtures.interactions(db));

        before.announce("run-3", Reply.ok("PDM run #3 failed at gstg"));
        before.announceLive("run-3", "triage-abc", Reply.builder().text("Triage of PDM run #3: retry not answered")
                .buttons(List.of(Block.Button.of("Retry safe: yes", "triage answer 3 retry yes"))).build());
        before.announceLive("run-3", "triage-abc", Reply.ok("Triage of PDM run #3: retry yes by alice"));
        // a restarted process (or another instance) on the same database: nothing of the first one in memory
        new DiscordAnnouncements(channel, ChatFixtures.interactions(db))
                .announceLive("run-3", "triage-abc", Reply.ok("Triage of PDM run #3: closed by bob"));

        assertThat(channel.sent).hasSize(2);
        String summary = channel.sent.get(1).id();
        assertThat(channel.sent.get(1).replyTo()).isEqualTo(channel.sent.get(0).id());
        assertThat(buttonIds(channel.sent.get(1).message())).hasSize(1);
        assertThat(channel.edited).extracting(RecordingChannel.Edited::id).containsExactly(summary, summary);
        assertThat(description(channel.edited.get(0).message())).isEqualTo("Triage of PDM run #3: retry yes by alice");
        assertThat(description(channel.edited.get(1).message())).isEqualTo("Triage of PDM run #3: closed by bob");
    }

    @Test
    void a_live_message_deleted_in_discord_is_sent_anew_and_the_new_one_is_edited_after() {
        DiscordAnnouncements announcements = new DiscordAnnouncements(channel, ChatFixtures.interactions(ChatFixtures.migratedDatabase()));

        announcements.announceLive("run-5", "triage-x", Reply.ok("Triage of PDM run #5: retry not answered"));
        channel.deleted.add(channel.sent.get(0).id());
        announcements.announceLive("run-5", "triage-x", Reply.ok("Triage of PDM run #5: retry yes by alice"));
        announcements.announceLive("run-5", "triage-x", Reply.ok("Triage of PDM run #5: closed"));

        assertThat(channel.sent).hasSize(2);
        assertThat(channel.edited).extracting(RecordingChannel.Edited::id).containsExactly(channel.sent.get(1).id());
    }
}
