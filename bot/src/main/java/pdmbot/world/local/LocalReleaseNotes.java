package pdmbot.world.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.function.Consumer;
import pdmbot.world.ReleaseNotes;

/** Release-issue notes for worlds without GitLab: appended to {@code <data>/release-notes.md} and printed. */
public final class LocalReleaseNotes implements ReleaseNotes {

    private final Path file;
    private final Consumer<String> printer;
    private final Clock clock;

    public LocalReleaseNotes(Path file, Consumer<String> printer, Clock clock) {
        this.file = file;
        this.printer = printer;
        this.clock = clock;
    }

    @Override
    public synchronized String post(String markdown) {
        String entry = "## " + clock.instant() + "\n\n" + markdown.strip() + "\n\n";
        try {
            Files.writeString(file, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UnableToWriteReleaseNoteException("cannot write the release note to " + file + ": " + e.getMessage(), e);
        }
        printer.accept(markdown.strip());
        return file.toString();
    }
}
