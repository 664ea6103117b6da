package pdmbot.adapters.slack;

/** Block Kit's documented limits; the renderer splits or truncates before building, never past them. */
public final class SlackLimits {

    public static final int BLOCKS_PER_MESSAGE = 50;
    public static final int SECTION_TEXT = 3000;
    public static final int FIELDS_PER_SECTION = 10;
    public static final int FIELD_TEXT = 2000;
    public static final int HEADER_TEXT = 150;
    public static final int BUTTONS_PER_ACTIONS = 25;
    public static final int BUTTON_TEXT = 75;
    public static final int ACTION_ID = 255;
    public static final int CONTEXT_ELEMENTS = 10;
    public static final int CONTEXT_TEXT = 2000;
    public static final int CONFIRM_TITLE = 100;
    public static final int CONFIRM_TEXT = 300;
    /**
     * Characters of block text one message carries before the renderer starts another. Slack documents 40,000 for a
     * message's text (api.slack.com/changelog/2018-04-truncating-really-long-messages), but answers
     * {@code msg_blocks_too_long} to blocks totalling about 13,000 characters, well under any documented limit
     * (slackapi/bolt-js#2509); 12,000 stays under both.
     */
    public static final int BLOCKS_TEXT_PER_MESSAGE = 12_000;
    /** A message's text as Slack documents it; past it Slack truncates. */
    public static final int MESSAGE_TEXT = 40_000;
    /** The notification text beside the blocks; Slack truncates far later, we keep it one screen. */
    public static final int FALLBACK_TEXT = 3000;

    private SlackLimits() {
    }

    /** Cuts {@code text} to {@code max} characters, marking the cut with an ellipsis. */
    static String truncate(String text, int max) {
        if (text.length() <= max) return text;
        return text.substring(0, max - 1) + "…";
    }
}
