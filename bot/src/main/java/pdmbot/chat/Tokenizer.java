package pdmbot.chat;

import java.util.ArrayList;
import java.util.List;

/** Splits a command line like a shell: spaces separate words, quotes group them, backslash escapes. */
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
            } else if (Character.isWhitespace(c)) {
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
}
