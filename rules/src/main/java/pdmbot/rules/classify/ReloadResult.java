package pdmbot.rules.classify;

import java.util.List;

/** What a rule reload did: loaded new rules, or refused and kept the old ones. */
public sealed interface ReloadResult permits ReloadResult.Loaded, ReloadResult.Refused {

    /** The new rules are in use. */
    record Loaded(List<String> files, int rules) implements ReloadResult {
        public Loaded {
            files = List.copyOf(files);
        }
    }

    /** Some file did not compile; the previous rules are still in use. */
    record Refused(List<CompileError> errors) implements ReloadResult {
        public Refused {
            errors = List.copyOf(errors);
        }

        /** One line per error: {@code file:line: message}. */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            for (CompileError e : errors) sb.append(e.file()).append(':').append(e.line()).append(": ").append(e.message()).append('\n');
            return sb.toString().trim();
        }
    }

    /** One compiler message, with the file it came from and its line (0 when unknown). */
    record CompileError(String file, int line, String message) {}
}
