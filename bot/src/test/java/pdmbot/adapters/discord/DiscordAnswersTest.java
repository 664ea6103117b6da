package pdmbot.adapters.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;
import pdmbot.chat.Reply;

/** Discord answers that ping nobody and failures that are answered, not left pending (issues 11 item 8, 12 item 7). */
class DiscordAnswersTest {

    @Test
    void no_message_the_bot_renders_may_mention_anyone() {
        for (MessageCreateData m : new DiscordRenderer(b -> "id").render(Reply.ok("Revert \"@everyone <@123> fix\"")))
            assertThat(m.getAllowedMentions()).isEmpty();
        assertThat(DiscordRenderer.quiet().setContent("@here").build().getAllowedMentions()).isEmpty();
    }

    @Test
    void a_failure_outside_the_core_is_answered_privately_with_its_correlation_id() {
        DiscordInteractions.Answer answer = DiscordAdapter.failure("command",
                new ExecutionException(new IllegalStateException("store down")));
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.messages()).hasSize(1);
        assertThat(answer.messages().get(0).getContent())
                .matches("Something went wrong; nothing was lost\\. The details are in the bot's log under id `[0-9a-f]{8}`\\.");
    }
}
