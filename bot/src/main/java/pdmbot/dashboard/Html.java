package pdmbot.dashboard;

/** Text into HTML: every character that could open markup or end an attribute becomes an entity. */
final class Html {

    private Html() {
    }

    /** Escapes, then shows the chat's {@code `code`} marks as {@code <code>} (a backtick is never part of an entity). */
    static String withCode(String text) {
        return CODE.matcher(escape(text)).replaceAll("<code>$1</code>");
    }

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("`([^`]+)`");

    /** Escapes for element content and for double- or single-quoted attribute values alike (OWASP's five). */
    static String escape(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // control characters other than tab and line ends have no place in a page
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out.append('\uFFFD');
                    else out.append(c);
                }
            }
        }
        return out.toString();
    }
}
