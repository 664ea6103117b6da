package pdmbot.adapters.discord;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import pdmbot.chat.Block;
import pdmbot.chat.PlainText;
import pdmbot.chat.Reply;

/**
 * Renders a {@link Reply} as Discord messages: one embed per message (heading as title, text, lists and
 * tables in the description, fields as inline fields, the note as footer), buttons as action rows with
 * opaque custom ids. Past any of {@link DiscordLimits} it starts another message; it never throws.
 */
public final class DiscordRenderer {

    /** Prefix of every custom id the bot issues. */
    public static final String CUSTOM_ID_PREFIX = "pdm:";

    static final Color OK = new Color(0x2EB67D);
    static final Color REFUSED = new Color(0xECB22E);
    static final Color FAILED = new Color(0xE01E5A);

    private final Function<Block.Button, String> buttonIds;

    public DiscordRenderer(Function<Block.Button, String> buttonIds) {
        this.buttonIds = buttonIds;
    }

    /** The embed being filled, with its running size (Discord counts title, description, fields and footer). */
    private final class Draft {
        String title;
        final StringBuilder description = new StringBuilder();
        final List<MessageEmbed.Field> fields = new ArrayList<>();
        String footer;
        int total;

        boolean isEmpty() {
            return title == null && description.length() == 0 && fields.isEmpty() && footer == null;
        }

        boolean fits(int more) {
            return total + more <= DiscordLimits.EMBED_TOTAL;
        }
    }

    public List<MessageCreateData> render(Reply reply) {
        Color color = reply.outcome() == Reply.Outcome.OK ? OK : reply.outcome() == Reply.Outcome.REFUSED ? REFUSED : FAILED;
        List<MessageEmbed> embeds = new ArrayList<>();
        List<Button> buttons = new ArrayList<>();
        Draft[] draft = {new Draft()};
        Runnable flush = () -> {
            if (!draft[0].isEmpty()) embeds.add(build(draft[0], color));
            draft[0] = new Draft();
        };
        for (Block block : reply.blocks()) {
            if (block instanceof Block.Heading h) {
                if (!draft[0].isEmpty()) flush.run();
                draft[0].title = DiscordLimits.truncate(h.text(), DiscordLimits.EMBED_TITLE);
                draft[0].total += draft[0].title.length();
            } else if (block instanceof Block.Text t) {
                describe(draft, flush, List.of(t.text().split("\n", -1)), "", "");
            } else if (block instanceof Block.Bullets b) {
                describe(draft, flush, b.items().stream().map(i -> "• " + i).toList(), "", "");
            } else if (block instanceof Block.Table t) {
                List<String> lines = List.of(PlainText.render(new Reply(Reply.Outcome.OK, List.of(t), false)).split("\n"));
                describe(draft, flush, lines, "```\n", "\n```");
            } else if (block instanceof Block.Fields f) {
                for (Block.Field field : f.fields()) {
                    String name = DiscordLimits.truncate(field.label(), DiscordLimits.FIELD_NAME);
                    String value = DiscordLimits.truncate(field.value().isEmpty() ? "—" : field.value(), DiscordLimits.FIELD_VALUE);
                    if (draft[0].fields.size() >= DiscordLimits.EMBED_FIELDS || !draft[0].fits(name.length() + value.length()))
                        flush.run();
                    draft[0].fields.add(new MessageEmbed.Field(name, value, true));
                    draft[0].total += name.length() + value.length();
                }
            } else if (block instanceof Block.Note n) {
                String text = DiscordLimits.truncate(n.text(), DiscordLimits.FOOTER);
                if (draft[0].footer != null || !draft[0].fits(text.length())) flush.run();
                draft[0].footer = text;
                draft[0].total += text.length();
            } else if (block instanceof Block.Buttons b) {
                for (Block.Button button : b.buttons()) buttons.add(button(button));
            }
        }
        flush.run();
        return messages(embeds, buttons, reply);
    }

    /** Appends lines to the description, starting a new embed when the description or the total would overflow. */
    private void describe(Draft[] draft, Runnable flush, List<String> lines, String open, String close) {
        int room = DiscordLimits.EMBED_DESCRIPTION - open.length() - close.length() - 2;
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (String raw : lines) {
            String line = DiscordLimits.truncate(raw, room);
            if (chunk.length() > 0 && chunk.length() + 1 + line.length() > room) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
            if (chunk.length() > 0) chunk.append('\n');
            chunk.append(line);
        }
        chunks.add(chunk.toString());
        for (String c : chunks) {
            String text = open + c + close;
            int separator = draft[0].description.length() > 0 ? 2 : 0;
            if (draft[0].description.length() + separator + text.length() > DiscordLimits.EMBED_DESCRIPTION
                    || !draft[0].fits(separator + text.length())) {
                flush.run();
                separator = 0;
            }
            if (separator > 0) draft[0].description.append("\n\n");
            draft[0].description.append(text);
            draft[0].total += separator + text.length();
        }
    }

    private MessageEmbed build(Draft d, Color color) {
        EmbedBuilder embed = new EmbedBuilder().setColor(color);
        if (d.title != null) embed.setTitle(d.title);
        if (d.description.length() > 0) embed.setDescription(d.description.toString());
        d.fields.forEach(embed::addField);
        if (d.footer != null) embed.setFooter(d.footer);
        return embed.build();
    }

    private Button button(Block.Button button) {
        String id = DiscordLimits.truncate(CUSTOM_ID_PREFIX + buttonIds.apply(button), DiscordLimits.CUSTOM_ID);
        ButtonStyle style = button.style() == Block.Button.Style.PRIMARY ? ButtonStyle.PRIMARY
                : button.style() == Block.Button.Style.DANGER ? ButtonStyle.DANGER : ButtonStyle.SECONDARY;
        return Button.of(style, id, DiscordLimits.truncate(button.label(), DiscordLimits.BUTTON_LABEL));
    }

    /**
     * A message that pings nobody: a reply's text may quote GitLab (a commit title with {@code @everyone} or
     * {@code <@id>}), and Discord's allowed_mentions with no types parses none of them
     * (https://discord.com/developers/docs/resources/message#allowed-mentions-object).
     */
    static MessageCreateBuilder quiet() {
        return new MessageCreateBuilder().setAllowedMentions(java.util.EnumSet.noneOf(
                net.dv8tion.jda.api.entities.Message.MentionType.class));
    }

    /** One embed per message; buttons go on the last message, further messages carry the buttons that did not fit. */
    private static List<MessageCreateData> messages(List<MessageEmbed> embeds, List<Button> buttons, Reply reply) {
        List<List<ActionRow>> rowGroups = new ArrayList<>();
        List<ActionRow> rows = new ArrayList<>();
        for (int from = 0; from < buttons.size(); from += DiscordLimits.BUTTONS_PER_ROW) {
            rows.add(ActionRow.of(buttons.subList(from, Math.min(buttons.size(), from + DiscordLimits.BUTTONS_PER_ROW))));
            if (rows.size() == DiscordLimits.ROWS_PER_MESSAGE) {
                rowGroups.add(rows);
                rows = new ArrayList<>();
            }
        }
        if (!rows.isEmpty()) rowGroups.add(rows);
        List<MessageCreateData> out = new ArrayList<>();
        for (int i = 0; i < embeds.size(); i++) {
            MessageCreateBuilder message = quiet().setEmbeds(embeds.get(i));
            if (i == embeds.size() - 1 && !rowGroups.isEmpty()) message.setComponents(rowGroups.remove(0));
            out.add(message.build());
        }
        for (List<ActionRow> group : rowGroups)
            out.add(quiet().setContent(out.isEmpty() ? "Choose:" : "More choices:").setComponents(group).build());
        if (out.isEmpty()) {
            String text = PlainText.render(reply);
            out.add(quiet().setContent(text.isBlank() ? "(no content)"
                    : DiscordLimits.truncate(text, DiscordLimits.CONTENT)).build());
        }
        return out;
    }
}
