package pdmbot.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static pdmbot.adapters.slack.SignedSlack.JSON;
import static pdmbot.adapters.slack.SignedSlack.actionId;
import static pdmbot.adapters.slack.SignedSlack.form;
import static pdmbot.adapters.slack.SignedSlack.unescaped;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pdmbot.adapters.ProposalFixture;

/**
 * A scheduled run's proposal posted to the announcements channel with Confirm / Skip (Slack Web API on WireMock), and
 * its Confirm clicked through signed block_actions requests into Bolt: the run starts once, a second click on the
 * same button runs nothing, and a guest's click is refused by the command's role.
 */
class ProposalButtonsOverSlackTest {

    SignedSlack slack;
    ProposalFixture proposal;

    @BeforeEach
    void start() throws Exception {
        slack = SignedSlack.start("C0ANNOUNCE", Clock.systemUTC());
        proposal = new ProposalFixture();
        SlackAdapter adapter = slack.serve(proposal.core::handle, proposal.interactions, Duration.ofSeconds(2));
        proposal.announceTo(adapter.announcementsTo("C0ANNOUNCE"));
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    /** Proposes the window and returns the blocks Slack received for it (the sender thread is drained first). */
    private JsonNode proposalBlocks() throws Exception {
        proposal.windowOpens();
        List<LoggedRequest> posts = slack.await("/api/chat.postMessage", 1);
        return JSON.readTree(form(posts.get(0), "blocks"));
    }

    /** A block_actions payload as Slack sends it for a click on a channel message's button, signed as Slack signs it. */
    private void click(JsonNode blocks, String actionId, String user) throws Exception {
        slack.sendAcknowledged(slack.blockActions(blocks, actionId, user, user.toLowerCase(), "C0ANNOUNCE"));
    }

    @Test
    void the_proposal_reaches_the_channel_with_confirm_and_skip() throws Exception {
        JsonNode blocks = proposalBlocks();

        assertThat(actionId(blocks, "Confirm")).isNotBlank();
        assertThat(actionId(blocks, "Skip")).isNotBlank();
        assertThat(form(slack.await("/api/chat.postMessage", 1).get(0), "channel")).isEqualTo("C0ANNOUNCE");
    }

    @Test
    void a_release_managers_confirm_click_starts_the_run_once_and_a_second_click_runs_nothing() throws Exception {
        JsonNode blocks = proposalBlocks();
        String confirm = actionId(blocks, "Confirm");

        click(blocks, confirm, "U_RM");
        // the command's answer is posted in the channel (the proposal was the first message), the buttons replaced
        List<LoggedRequest> posted = slack.await("/api/chat.postMessage", 2);
        List<LoggedRequest> updated = slack.await("/api/chat.update", 1);
        click(blocks, confirm, "U_RM2");
        List<LoggedRequest> answers = slack.await("/respond", 1);

        assertThat(posted).anySatisfy(a -> assertThat(unescaped(form(a, "blocks"))).contains("PDM run #41 started"));
        assertThat(unescaped(form(updated.get(0), "blocks"))).contains("chosen by <@U_RM>");
        assertThat(unescaped(answers.get(0).getBodyAsString())).contains("already used by <@U_RM>");
        assertThat(proposal.started).containsExactly(ProposalFixture.GROUP);
    }

    @Test
    void a_guests_click_is_refused_and_starts_nothing() throws Exception {
        JsonNode blocks = proposalBlocks();

        click(blocks, actionId(blocks, "Confirm"), "U_GUEST");
        List<LoggedRequest> answers = slack.await("/respond", 1);

        assertThat(unescaped(answers.get(0).getBodyAsString())).contains("release managers");
        assertThat(proposal.started).isEmpty();
    }
}
