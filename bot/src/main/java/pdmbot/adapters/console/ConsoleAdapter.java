package pdmbot.adapters.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.PlainText;
import pdmbot.chat.Reply;

/**
 * Console chat: an interactive prompt with history on a terminal, or one command per line from a pipe.
 * It holds no business logic: it turns lines into {@link ChatRequest}s and prints {@link Reply}s.
 */
public final class ConsoleAdapter implements pdmbot.chat.Announcements {

    public static final String PLATFORM = "console";
    private static final String PROMPT = "pdm> ";

    private final Function<ChatRequest, Reply> core;
    private final String user;
    private final PrintStream out;
    private final AtomicLong sequence = new AtomicLong();
    private final String session = Long.toString(System.currentTimeMillis(), 36);
    private volatile LineReader reader;

    public ConsoleAdapter(Function<ChatRequest, Reply> core, String user, PrintStream out) {
        this.core = core;
        this.user = user;
        this.out = out;
    }

    /** Interactive when a terminal is attached, else reads lines from {@code in}. Returns 0, or 1 if a piped command failed. */
    public int run(InputStream in, Path historyFile, String banner) throws IOException {
        if (System.console() != null && in == System.in) return interactive(historyFile, banner);
        return piped(in);
    }

    private int interactive(Path historyFile, String banner) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("pdm-bot")
                    .variable(LineReader.HISTORY_FILE, historyFile)
                    .build();
            this.reader = reader;
            out.println(banner);
            while (true) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                if (isExit(line)) break;
                if (line.isBlank()) continue;
                out.println(PlainText.render(ask(line)));
                out.println();
            }
            reader.getHistory().save();
        } finally {
            this.reader = null;
        }
        return 0;
    }

    private int piped(InputStream in) throws IOException {
        int status = 0;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (isExit(line)) break;
            out.println(PROMPT + line);
            Reply reply = ask(line);
            if (!reply.isOk()) status = 1;
            out.println(PlainText.render(reply));
            out.println();
        }
        return status;
    }

    /** Runs one line as the console user. */
    public Reply ask(String line) {
        ChatRequest request = new ChatRequest(PLATFORM, user, user, "console", null, line,
                "console-" + session + "-" + sequence.incrementAndGet(), Instant.now());
        return core.apply(request);
    }

    /** Prints an announcement: above the prompt on a terminal, inline otherwise. */
    @Override
    public void announce(String topic, Reply message) {
        String text = "[announcement] " + PlainText.render(message).replace("\n", "\n               ");
        LineReader current = reader;
        if (current != null) {
            current.printAbove(text);
        } else {
            synchronized (out) {
                out.println(text);
            }
        }
    }

    private static boolean isExit(String line) {
        String t = line.trim();
        return t.equals("exit") || t.equals("quit");
    }
}
