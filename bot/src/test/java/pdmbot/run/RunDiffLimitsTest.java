package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;
import pdmbot.adapters.discord.DiscordLimits;
import pdmbot.adapters.discord.DiscordRenderer;
import pdmbot.adapters.slack.BlockKitRenderer;
import pdmbot.adapters.slack.SlackLimits;
import pdmbot.chat.Block;
import pdmbot.chat.Reply;

/**
 * The PDM diff of a large run, rendered for Slack and Discord, stays within each platform's documented limits and
 * loses no line: Slack's 50 blocks and 3,000 characters per section (api.slack.com/reference/block-kit/blocks), the
 * renderer's 12,000 characters of block text per message ({@link SlackLimits#BLOCKS_TEXT_PER_MESSAGE}); Discord's
 * 4,096-character description and 6,000 characters per embed (discord.com/developers/docs/resources/message#embed-object-embed-limits).
 */
class RunDiffLimitsTest {

    /** 150 migrations with long names, on main and ci: 300 lines of ~270 characters, about 80,000 in all. */
    static Reply bigDiff() {
        RunDiff diff = new RunDiff(RunDiffTest.NATURES, new MigrationLinks(Optional.of("https://gitlab.com"),
                "gitlab-org/security/gitlab"));
        return diff.of(1, RunDiffTest.plan(150, "remove_index_merge_requests_on_target_project_id_and_merged_commit_sha"),
                RunDiffTest.MR, Optional.empty()).orElseThrow();
    }

    static List<String> lines(Reply reply) {
        List<String> lines = new ArrayList<>();
        for (Block block : reply.blocks()) if (block instanceof Block.Bullets b) lines.addAll(b.items());
        return lines;
    }

    static int sectionText(LayoutBlock block) {
        return block instanceof SectionBlock s && s.getText() != null ? s.getText().getText().length() : 0;
    }

    @Test
    void slack_messages_of_a_large_diff_keep_every_line_whole_within_the_limits() {
        Reply reply = bigDiff();

        List<BlockKitRenderer.SlackMessage> messages = new BlockKitRenderer(b -> "").render(reply);

        assertThat(messages).hasSizeGreaterThan(1);
        StringBuilder all = new StringBuilder();
        for (BlockKitRenderer.SlackMessage message : messages) {
            assertThat(message.blocks()).hasSizeLessThanOrEqualTo(SlackLimits.BLOCKS_PER_MESSAGE);
            assertThat(message.text().length()).isLessThanOrEqualTo(SlackLimits.MESSAGE_TEXT);
            int chars = 0;
            for (LayoutBlock block : message.blocks()) {
                assertThat(sectionText(block)).isLessThanOrEqualTo(SlackLimits.SECTION_TEXT);
                chars += sectionText(block);
                if (block instanceof SectionBlock s && s.getText() != null) all.append(s.getText().getText()).append('\n');
            }
            assertThat(chars).isLessThanOrEqualTo(SlackLimits.BLOCKS_TEXT_PER_MESSAGE);
        }
        assertEveryLineOnce(reply, all.toString());
    }

    @Test
    void slack_starts_another_message_past_the_block_text_budget_and_not_at_it() {
        String section = "x".repeat(SlackLimits.SECTION_TEXT);
        Reply.Builder atTheBudget = Reply.builder();
        for (int i = 0; i < SlackLimits.BLOCKS_TEXT_PER_MESSAGE / SlackLimits.SECTION_TEXT; i++) atTheBudget.text(section);
        BlockKitRenderer renderer = new BlockKitRenderer(b -> "");

        assertThat(renderer.render(atTheBudget.build())).hasSize(1);
        assertThat(renderer.render(atTheBudget.text("y").build())).hasSize(2)
                .last().satisfies(m -> assertThat(m.blocks()).hasSize(1));
    }

    @Test
    void slack_starts_another_message_past_fifty_blocks_and_not_at_fifty() {
        Reply.Builder fifty = Reply.builder();
        for (int i = 0; i < SlackLimits.BLOCKS_PER_MESSAGE; i++) fifty.text("line " + i);
        BlockKitRenderer renderer = new BlockKitRenderer(b -> "");

        assertThat(renderer.render(fifty.build())).hasSize(1);
        assertThat(renderer.render(fifty.text("one more").build())).hasSize(2);
    }

    @Test
    void discord_messages_of_a_large_diff_keep_every_line_whole_within_the_limits() {
        Reply reply = bigDiff();

        List<MessageCreateData> messages = new DiscordRenderer(b -> "").render(reply);

        assertThat(messages).hasSizeGreaterThan(1);
        StringBuilder all = new StringBuilder();
        for (MessageCreateData message : messages) {
            assertThat(message.getContent().length()).isLessThanOrEqualTo(DiscordLimits.CONTENT);
            int total = 0;
            for (MessageEmbed embed : message.getEmbeds()) {
                String description = embed.getDescription() == null ? "" : embed.getDescription();
                assertThat(description.length()).isLessThanOrEqualTo(DiscordLimits.EMBED_DESCRIPTION);
                assertThat(embed.getLength()).isLessThanOrEqualTo(DiscordLimits.EMBED_TOTAL);
                total += embed.getLength();
                all.append(description).append('\n');
            }
            assertThat(total).isLessThanOrEqualTo(DiscordLimits.EMBED_TOTAL);
        }
        assertEveryLineOnce(reply, all.toString());
    }

    @Test
    void discord_fills_a_description_up_to_4096_characters_and_starts_another_embed_past_it() {
        DiscordRenderer renderer = new DiscordRenderer(b -> "");
        // two lines too long to share a chunk: the second joins the first embed after a blank line when it fits
        Reply fits = Reply.builder().text("a".repeat(2047) + "\n" + "b".repeat(2047)).build();
        Reply over = Reply.builder().text("a".repeat(2048) + "\n" + "b".repeat(2048)).build();

        List<MessageCreateData> one = renderer.render(fits);
        assertThat(one).hasSize(1);
        assertThat(one.get(0).getEmbeds().get(0).getDescription()).hasSize(DiscordLimits.EMBED_DESCRIPTION);
        List<MessageCreateData> two = renderer.render(over);
        assertThat(two).hasSize(2);
        assertThat(two.get(0).getEmbeds().get(0).getDescription()).isEqualTo("a".repeat(2048));
        assertThat(two.get(1).getEmbeds().get(0).getDescription()).isEqualTo("b".repeat(2048));
    }

    /** Each line of the diff is there as often as the diff has it (once per database), whole. */
    private static void assertEveryLineOnce(Reply reply, String rendered) {
        List<String> lines = lines(reply);
        assertThat(lines).hasSize(300);
        for (String line : lines)
            assertThat(count(rendered, "• " + line + "\n")).as(line).isEqualTo(java.util.Collections.frequency(lines, line));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) n++;
        return n;
    }
}
