package pdmbot.rules.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files behind the paths given to {@code classify}: a file as it is, a directory walked for {@code *.rb}
 * (sorted). What cannot be read as a file is refused with a sentence, never read (a FIFO would block) nor skipped
 * silently (a dangling symbolic link).
 */
final class MigrationFiles {

    private static final String EXPECTED = " — expected a migration .rb file or a directory of them";

    /** The files read, and one sentence per path refused. */
    record Gathered(List<Classifier.MigrationFile> files, List<String> refusals) {
        Gathered {
            files = List.copyOf(files);
            refusals = List.copyOf(refusals);
        }
    }

    private final List<Classifier.MigrationFile> files = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();

    private MigrationFiles() {
    }

    static Gathered read(List<String> paths) {
        MigrationFiles gathered = new MigrationFiles();
        for (String p : paths) gathered.readArgument(Path.of(p));
        return new Gathered(gathered.files, gathered.refusals);
    }

    private void readArgument(Path path) {
        if (!Files.exists(path)) {
            refusals.add(Files.isSymbolicLink(path) ? dangling(path) : "no such file or directory: " + path + EXPECTED);
        } else if (Files.isDirectory(path)) {
            walk(path);
        } else if (Files.isRegularFile(path)) {
            readFile(path);
        } else {
            refusals.add(special(path));
        }
    }

    private void walk(Path directory) {
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(directory)) {
            entries = walk.sorted().toList();
        } catch (IOException | RuntimeException e) {
            refusals.add("cannot read directory " + directory + ": " + e.getMessage());
            return;
        }
        for (Path entry : entries) {
            boolean migration = entry.getFileName().toString().endsWith(".rb");
            if (Files.isSymbolicLink(entry) && !Files.exists(entry)) refusals.add(dangling(entry));
            else if (!migration || Files.isDirectory(entry)) continue;
            else if (Files.isRegularFile(entry)) readFile(entry);
            else refusals.add(special(entry));
        }
    }

    private void readFile(Path file) {
        try {
            files.add(new Classifier.MigrationFile(file.toString(), Files.readAllBytes(file)));
        } catch (IOException | RuntimeException e) {
            refusals.add("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String dangling(Path link) {
        String target;
        try {
            target = Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            target = "a path that cannot be read";
        }
        Path resolved = link.resolveSibling(target);
        return link + " is a symbolic link to " + resolved + ", which does not exist" + EXPECTED;
    }

    private static String special(Path path) {
        return path + " is " + kindOf(path) + ", not a regular file" + EXPECTED + "; nothing was read from it";
    }

    /** What kind of special file this is, from its Unix mode where the platform has one. */
    private static String kindOf(Path path) {
        try {
            int type = ((Integer) Files.getAttribute(path, "unix:mode")) & 0170000;
            return switch (type) {
                case 0010000 -> "a FIFO (named pipe)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) ? "a file" : "a special file";
        }
    }
}
