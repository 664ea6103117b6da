package pdmbot.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The parser knows nothing of Drools, and rules know nothing of the bot or storage's stores. */
class ModuleBoundariesTest {

    private static List<String> importsUnder(String folder) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/pdmbot/rules", folder))) {
            return files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream().filter(l -> l.startsWith("import ")).map(l -> p.getFileName() + ": " + l);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void the_source_parser_does_not_import_drools() throws IOException {
        assertThat(importsUnder("source")).noneMatch(l -> l.contains("org.kie") || l.contains("org.drools"));
    }

    @Test
    void rules_import_only_domain_values_from_storage_and_nothing_from_bot() throws IOException {
        assertThat(importsUnder(".")).noneMatch(l -> l.contains("pdmbot.bot") || l.contains("pdmbot.store") || l.contains("pdmbot.chat"));
    }
}
