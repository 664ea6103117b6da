package pdmbot.adapters.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import pdmbot.chat.Block;
import pdmbot.chat.PlainText;
import pdmbot.chat.Reply;

/**
 * Renders a {@link Reply} as Block Kit: headings as header blocks, text, lists and tables as mrkdwn
 * sections (tables preformatted), fields as section fields, notes as context, buttons as actions with
 * opaque action ids. Splits into several messages past {@link SlackLimits#BLOCKS_PER_MESSAGE} blocks or
 * {@link SlackLimits#BLOCKS_TEXT_PER_MESSAGE} characters of block text, always between blocks.
 */
public final class BlockKitRenderer {

    /** Prefix of every action id the bot issues, so Bolt routes only its own buttons here. */
    public static final String ACTION_PREFIX = "pdm:";

    /** One chat message: the notification text and its blocks. */
    public record SlackMessage(String text, List<LayoutBlock> blocks) {
    }

    private final Function<Block.Button, String> buttonIds;
    private final boolean escaping;

    /**
     * {@code buttonIds} stores a button's command server-side and returns its opaque id. A reply's text is literal
     * (it may quote GitLab: commit titles, MR titles), so {@code &}, {@code <} and {@code >} are escaped as mrkdwn
     * requires (https://api.slack.com/reference/surfaces/formatting#escaping): {@code <!channel>} does not ping.
     */
    public BlockKitRenderer(Function<Block.Button, String> buttonIds) {
        this(buttonIds, true);
    }

    private BlockKitRenderer(Function<Block.Button, String> buttonIds, boolean escaping) {
        this.buttonIds = buttonIds;
        this.escaping = escaping;
    }

    /** For the adapter's own lines, which mention users on purpose ({@code <@U123>}); never for a core reply. */
    static BlockKitRenderer trusted(Function<Block.Button, String> buttonIds) {
        return new BlockKitRenderer(buttonIds, false);
    }

    /** Slack's three mrkdwn control characters as entities. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private String literal(String text) {
        return escaping ? escape(text) : text;
    }

    public List<SlackMessage> render(Reply reply) {
        List<LayoutBlock> all = new ArrayList<>();
        int actions = 0;
        for (Block block : reply.blocks()) {
            if (block instanceof Block.Heading h) {
                all.add(HeaderBlock.builder().text(plain(SlackLimits.truncate(h.text(), SlackLimits.HEADER_TEXT))).build());
            } else if (block instanceof Block.Text t) {
                sections(all, List.of(literal(t.text()).split("\n", -1)), "\n");
            } else if (block instanceof Block.Bullets b) {
                sections(all, b.items().stream().map(i -> "• " + literal(i)).toList(), "\n");
            } else if (block instanceof Block.Table t) {
                tables(all, t, this::literal);
            } else if (block instanceof Block.Fields f) {
                fields(all, f.fields(), this::literal);
            } else if (block instanceof Block.Note n) {
                all.add(ContextBlock.builder().elements(List.<ContextBlockElement>of(
                        mrkdwn(SlackLimits.truncate(literal(n.text()), SlackLimits.CONTEXT_TEXT)))).build());
            } else if (block instanceof Block.Buttons b) {
                for (int from = 0; from < b.buttons().size(); from += SlackLimits.BUTTONS_PER_ACTIONS) {
                    List<Block.Button> chunk = b.buttons().subList(from, Math.min(b.buttons().size(), from + SlackLimits.BUTTONS_PER_ACTIONS));
                    List<BlockElement> elements = new ArrayList<>();
                    for (Block.Button button : chunk) elements.add(button(button));
                    all.add(ActionsBlock.builder().blockId("pdm-actions-" + (++actions)).elements(elements).build());
                }
            }
        }
        String fallback = SlackLimits.truncate(literal(PlainText.render(reply).strip()), SlackLimits.FALLBACK_TEXT);
        List<SlackMessage> messages = new ArrayList<>();
        List<LayoutBlock> chunk = new ArrayList<>();
        int chars = 0;
        for (LayoutBlock block : all) {
            int length = textLength(block);
            if (!chunk.isEmpty() && (chunk.size() == SlackLimits.BLOCKS_PER_MESSAGE || chars + length > SlackLimits.BLOCKS_TEXT_PER_MESSAGE)) {
                messages.add(new SlackMessage(messages.isEmpty() ? fallback : "(continued)", List.copyOf(chunk)));
                chunk.clear();
                chars = 0;
            }
            chunk.add(block);
            chars += length;
        }
        if (!chunk.isEmpty()) messages.add(new SlackMessage(messages.isEmpty() ? fallback : "(continued)", List.copyOf(chunk)));
        if (messages.isEmpty()) messages.add(new SlackMessage(fallback.isEmpty() ? "(no content)" : fallback, List.of()));
        return messages;
    }

    /** The characters of text a block carries, as counted against {@link SlackLimits#BLOCKS_TEXT_PER_MESSAGE}. */
    static int textLength(LayoutBlock block) {
        if (block instanceof SectionBlock s) {
            int n = s.getText() == null ? 0 : s.getText().getText().length();
            if (s.getFields() != null) for (TextObject f : s.getFields()) n += f.getText().length();
            return n;
        }
        if (block instanceof HeaderBlock h) return h.getText().getText().length();
        if (block instanceof ContextBlock c) {
            int n = 0;
            for (ContextBlockElement e : c.getElements()) if (e instanceof TextObject t) n += t.getText().length();
            return n;
        }
        if (block instanceof ActionsBlock a) {
            int n = 0;
            for (BlockElement e : a.getElements()) if (e instanceof ButtonElement b) n += b.getText().getText().length();
            return n;
        }
        return 0;
    }

    private ButtonElement button(Block.Button button) {
        String actionId = SlackLimits.truncate(ACTION_PREFIX + buttonIds.apply(button), SlackLimits.ACTION_ID);
        ButtonElement.ButtonElementBuilder element = ButtonElement.builder()
                .text(plain(SlackLimits.truncate(button.label(), SlackLimits.BUTTON_TEXT)))
                .actionId(actionId);
        if (button.style() == Block.Button.Style.PRIMARY) element.style("primary");
        if (button.style() == Block.Button.Style.DANGER) element.style("danger");
        if (button.style() == Block.Button.Style.DANGER || button.confirmation() != null) {
            String question = literal(button.confirmation() != null ? button.confirmation()
                    : "Run `" + button.command() + "`?");
            element.confirm(ConfirmationDialogObject.builder()
                    .title(plain(SlackLimits.truncate(button.label(), SlackLimits.CONFIRM_TITLE)))
                    .text(mrkdwn(SlackLimits.truncate(question, SlackLimits.CONFIRM_TEXT)))
                    .confirm(plain("Yes, " + SlackLimits.truncate(button.label().toLowerCase(java.util.Locale.ROOT), 20)))
                    .deny(plain("Cancel"))
                    .style(button.style() == Block.Button.Style.DANGER ? "danger" : "primary")
                    .build());
        }
        return element.build();
    }

    /** Lines joined into sections of at most {@link SlackLimits#SECTION_TEXT}; a single overlong line is cut. */
    private static void sections(List<LayoutBlock> out, List<String> lines, String joiner) {
        for (String text : pack(lines, joiner, SlackLimits.SECTION_TEXT, "", ""))
            out.add(SectionBlock.builder().text(mrkdwn(text)).build());
    }

    private static void tables(List<LayoutBlock> out, Block.Table table, Function<String, String> literal) {
        List<String> lines = tableLines(table).stream().map(literal).toList();
        String fence = "```";
        List<String> header = lines.subList(0, Math.min(2, lines.size()));
        List<String> body = lines.subList(header.size(), lines.size());
        String head = String.join("\n", header);
        int room = SlackLimits.SECTION_TEXT - 2 * fence.length() - 2 - head.length() - 1;
        if (body.isEmpty()) {
            out.add(SectionBlock.builder().text(mrkdwn(fence + "\n" + head + "\n" + fence)).build());
            return;
        }
        for (String chunk : pack(body, "\n", Math.max(room, 200), "", ""))
            out.add(SectionBlock.builder().text(mrkdwn(SlackLimits.truncate(
                    fence + "\n" + head + "\n" + chunk + "\n" + fence, SlackLimits.SECTION_TEXT))).build());
    }

    private static void fields(List<LayoutBlock> out, List<Block.Field> fields, Function<String, String> literal) {
        for (int from = 0; from < fields.size(); from += SlackLimits.FIELDS_PER_SECTION) {
            List<TextObject> texts = new ArrayList<>();
            for (Block.Field f : fields.subList(from, Math.min(fields.size(), from + SlackLimits.FIELDS_PER_SECTION)))
                texts.add(mrkdwn(SlackLimits.truncate("*" + literal.apply(f.label()) + "*\n" + literal.apply(f.value()), SlackLimits.FIELD_TEXT)));
            out.add(SectionBlock.builder().fields(texts).build());
        }
    }

    /** Greedily joins items into texts of at most {@code max} characters; an item longer than max is truncated. */
    static List<String> pack(List<String> items, String joiner, int max, String prefix, String suffix) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : items) {
            String item = SlackLimits.truncate(raw, max);
            if (current.length() > 0 && current.length() + joiner.length() + item.length() > max) {
                out.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) current.append(joiner);
            current.append(item);
        }
        if (current.length() > 0 || out.isEmpty()) out.add(current.length() == 0 ? " " : current.toString());
        return out;
    }

    /** The table as the console aligns it: header, rule, then one line per row. */
    static List<String> tableLines(Block.Table table) {
        return List.of(PlainText.render(new Reply(Reply.Outcome.OK, List.of(table), false)).split("\n"));
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }

    private static MarkdownTextObject mrkdwn(String text) {
        return MarkdownTextObject.builder().text(text).build();
    }
}
