package pdmbot.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line like a shell: spaces separate words, quotes group them, backslash escapes. Any Unicode space
 * (a no-break space pasted from a chat, an ideographic space) separates words like a plain one; zero-width characters
 * outside quotes are dropped.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    /** The words of {@code line}; a {@link UsageException} when a quote is left open. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        int quoteAt = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()
                        && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'' || c == '\u201c' || c == '\u201d') {
                quote = (c == '\u201c' || c == '\u201d') ? '\u201d' : c;
                quoteAt = i;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (isZeroWidth(c)) {
                continue;
            } else if (isSpace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0)
            throw new UsageException("unbalanced quote: the " + (quote == '\'' ? "single" : "double")
                    + " quote at position " + (quoteAt + 1) + " is never closed");
        if (inWord) words.add(word.toString());
        return words;
    }

    /** Whitespace as Java sees it plus the Unicode space separators it leaves out (U+00A0, U+2007, U+202F). */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isZeroWidth(char c) {
        return c == '\u200b' || c == '\u2060' || c == '\ufeff';
    }
}
