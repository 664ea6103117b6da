package pdmbot.adapters.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;
import pdmbot.adapters.ChatFixtures;
import pdmbot.chat.Block;
import pdmbot.chat.Reply;

/** Reply → JDA message data, read back through JDA's own toData(); routing without a gateway. */
class DiscordRenderingTest {

    final DiscordRenderer renderer = new DiscordRenderer(b -> "id-" + b.label().toLowerCase());

    static DataObject embed(MessageCreateData m) {
        return m.toData().getArray("embeds").getObject(0);
    }

    /** The custom ids of a message's buttons, row by row, as JDA sends them in {@code components}. */
    static List<String> buttonIds(MessageCreateData message) {
        List<String> ids = new ArrayList<>();
        DataObject data = message.toData();
        if (!data.hasKey("components")) return ids;
        DataArray rows = data.getArray("components");
        for (int r = 0; r < rows.length(); r++) {
            DataArray buttons = rows.getObject(r).getArray("components");
            for (int b = 0; b < buttons.length(); b++) ids.add(buttons.getObject(b).getString("custom_id"));
        }
        return ids;
    }

    @Test
    void every_block_kind_renders_into_one_embed_with_buttons() {
        List<MessageCreateData> messages = renderer.render(ChatFixtures.everyBlockKind());
        assertThat(messages).hasSize(1);
        DataObject embed = embed(messages.get(0));
        assertThat(embed.getString("title")).isEqualTo("Pending post-deploy migrations");
        assertThat(embed.getString("description")).isEqualTo(
                "*2* pending on `gprd`; the window opens at 14:00 UTC.\n\n```\nVersion         Nature\n--------------  ------\n"
                        + "20240102030405  index\n20240103000000  dml\n```\n\n• AddIndexFoo\n• BackfillBar");
        DataArray fields = embed.getArray("fields");
        assertThat(fields.getObject(0).getString("name")).isEqualTo("Environment");
        assertThat(fields.getObject(0).getString("value")).isEqualTo("gprd");
        assertThat(fields.getObject(0).getBoolean("inline")).isTrue();
        assertThat(embed.getObject("footer").getString("text")).isEqualTo("source: demo world");
        DataArray buttons = messages.get(0).toData().getArray("components").getObject(0).getArray("components");
        assertThat(buttons.getObject(0).getString("custom_id")).isEqualTo("pdm:id-explain");
        assertThat(buttons.getObject(1).getString("custom_id")).isEqualTo("pdm:id-execute");
        assertThat(buttons.getObject(1).getInt("style")).isEqualTo(4);
    }

    @Test
    void a_reply_past_every_limit_is_split_into_messages_and_never_throws() {
        List<Block.Field> fields = new ArrayList<>();
        for (int i = 0; i < 60; i++) fields.add(new Block.Field("field " + i, "v".repeat(1500)));
        List<Block.Button> buttons = new ArrayList<>();
        for (int i = 0; i < 30; i++) buttons.add(Block.Button.of("b" + i, "help"));
        Reply huge = Reply.builder().heading("h".repeat(300)).text("x".repeat(10_000)).fields(fields).buttons(buttons).build();
        List<MessageCreateData> messages = renderer.render(huge);
        assertThat(messages.size()).isGreaterThan(3);
        int buttonCount = 0;
        for (MessageCreateData m : messages) {
            DataObject data = m.toData();
            if (data.hasKey("embeds") && data.getArray("embeds").length() > 0) {
                DataObject e = data.getArray("embeds").getObject(0);
                assertThat(e.getString("description", "").length()).isLessThanOrEqualTo(DiscordLimits.EMBED_DESCRIPTION);
                assertThat(e.getString("title", "").length()).isLessThanOrEqualTo(DiscordLimits.EMBED_TITLE);
                assertThat(m.getEmbeds().get(0).getLength()).isLessThanOrEqualTo(DiscordLimits.EMBED_TOTAL);
                if (e.hasKey("fields")) assertThat(e.getArray("fields").length()).isLessThanOrEqualTo(DiscordLimits.EMBED_FIELDS);
            }
            assertThat(m.getComponents().size()).isLessThanOrEqualTo(DiscordLimits.ROWS_PER_MESSAGE);
            buttonCount += m.getComponents().stream().mapToInt(c -> c.asActionRow().getComponents().size()).sum();
        }
        assertThat(buttonCount).isEqualTo(30);
    }

    DiscordInteractions interactions() {
        var db = ChatFixtures.migratedDatabase();
        return new DiscordInteractions(ChatFixtures.core()::handle, ChatFixtures.interactions(db), Set.of("G1"), Clock.systemUTC());
    }

    @Test
    void an_interaction_from_an_unconfigured_guild_is_refused_privately() {
        DiscordInteractions.Answer answer = interactions().command(
                new DiscordInteractions.Command("1", "G_OTHER", "C", "100", "alice", "pdm status"));
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.messages().get(0).getContent()).contains("not set up for this server");
    }

    @Test
    void the_same_interaction_id_is_handled_once() {
        DiscordInteractions i = interactions();
        DiscordInteractions.Command c = new DiscordInteractions.Command("42", "G1", "C", "100", "alice", "whoami");
        assertThat(i.command(c).messages().get(0).getEmbeds().get(0).getDescription()).isEqualTo("you are 100 on discord");
        assertThat(i.command(c).messages()).isEmpty();
    }

    @Test
    void a_button_click_runs_as_the_clicker_once_and_a_second_click_is_told() {
        DiscordInteractions i = interactions();
        DiscordInteractions.Answer status = i.command(new DiscordInteractions.Command("1", "G1", "C", "100", "alice", "pdm status"));
        String customId = buttonIds(status.messages().get(0)).get(0);
        DiscordInteractions.Answer first = i.click(new DiscordInteractions.Click("2", "G1", "C", "200", "bob", customId));
        assertThat(first.disableButtons()).isTrue();
        DiscordInteractions.Answer second = i.click(new DiscordInteractions.Click("3", "G1", "C", "100", "alice", customId));
        assertThat(second.ephemeral()).isTrue();
        assertThat(second.messages().get(0).getContent()).contains("already used by <@200>");
    }

    @Test
    void a_danger_button_refuses_anyone_but_the_asker() {
        DiscordInteractions i = interactions();
        DiscordInteractions.Answer status = i.command(new DiscordInteractions.Command("1", "G1", "C", "100", "alice", "pdm status"));
        String dangerId = buttonIds(status.messages().get(0)).get(1);
        DiscordInteractions.Answer other = i.click(new DiscordInteractions.Click("2", "G1", "C", "200", "bob", dangerId));
        assertThat(other.messages().get(0).getContent()).contains("Only <@100>");
    }
}
