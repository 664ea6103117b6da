package pdmbot.rules.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a Ruby migration into facts. Never throws; what it cannot read becomes a {@link ParseProblem}. */
public final class MigrationParser {

    /** Larger files are read up to this many characters (no real migration comes close). */
    public static final int MAX_CHARS = 2_000_000;

    private MigrationParser() {}

    public static MigrationSource parse(byte[] content) {
        List<ParseProblem> problems = new ArrayList<>();
        if (content == null || content.length == 0) {
            problems.add(new ParseProblem(0, "empty file"));
            return empty(problems);
        }
        int nul = indexOfNul(content);
        if (nul >= 0) {
            problems.add(new ParseProblem(0, "binary content (NUL byte at offset " + nul + "), not Ruby source"));
            return empty(problems);
        }
        String text;
        try {
            CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            text = strict.decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new ParseProblem(0, "invalid UTF-8; undecodable bytes replaced"));
            text = new String(content, StandardCharsets.UTF_8);
        }
        return parse(text, problems);
    }

    public static MigrationSource parse(String text) {
        return parse(text == null ? "" : text, new ArrayList<>());
    }

    private static MigrationSource parse(String text, List<ParseProblem> problems) {
        text = normalised(text);
        if (text.isBlank()) {
            if (problems.isEmpty()) problems.add(new ParseProblem(0, "empty file"));
            return empty(problems);
        }
        if (text.length() > MAX_CHARS) {
            problems.add(new ParseProblem(0, "file has " + text.length() + " characters; only the first " + MAX_CHARS + " were read"));
            text = text.substring(0, MAX_CHARS);
        }
        try {
            List<Token> tokens = new Lexer(text, problems).tokens();
            List<Node> program = new Parser(tokens, problems).program();
            return new FactExtractor(problems).extract(program);
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(new ParseProblem(0, "parser gave up: " + e.getClass().getSimpleName()));
            return empty(problems);
        }
    }

    /** Without a leading byte order mark, and with CRLF or CR-only line ends read as LF, so lines count the same. */
    static String normalised(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.indexOf('\r') < 0 ? t : t.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static MigrationSource empty(List<ParseProblem> problems) {
        return new MigrationSource("", "", 0, List.of(), List.of(), List.of(), List.of(), Optional.empty(), problems);
    }

    private static int indexOfNul(byte[] content) {
        int limit = Math.min(content.length, 8192);
        for (int i = 0; i < limit; i++) if (content[i] == 0) return i;
        return -1;
    }
}
