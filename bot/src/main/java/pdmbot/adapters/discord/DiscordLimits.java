package pdmbot.adapters.discord;

/**
 * Discord's documented message limits (JDA keeps the same numbers on its types and throws past
 * them); the renderer splits into several messages or truncates before building.
 */
public final class DiscordLimits {

    public static final int CONTENT = 2000;
    public static final int EMBED_TITLE = 256;
    public static final int EMBED_DESCRIPTION = 4096;
    public static final int EMBED_FIELDS = 25;
    public static final int FIELD_NAME = 256;
    public static final int FIELD_VALUE = 1024;
    public static final int FOOTER = 2048;
    public static final int EMBED_TOTAL = 6000;
    public static final int BUTTONS_PER_ROW = 5;
    public static final int ROWS_PER_MESSAGE = 5;
    public static final int BUTTON_LABEL = 80;
    public static final int CUSTOM_ID = 100;

    private DiscordLimits() {
    }

    static String truncate(String text, int max) {
        if (text.length() <= max) return text;
        return text.substring(0, max - 1) + "…";
    }
}
