package pdmbot.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The parser knows nothing of Drools, and rules import of pdm-bot only themselves and the domain values. */
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
    void rules_import_nothing_of_pdm_bot_but_their_own_packages_and_the_domain_values() throws IOException {
        // storage's stores (pdmbot.storage), the bot's packages (pdmbot.chat, pdmbot.run, pdmbot.app…) and the
        // emulator are all refused: what rules may import is listed, so a package added later is refused too.
        assertThat(importsUnder(".")).filteredOn(l -> l.contains(" pdmbot.") || l.contains("static pdmbot."))
                .allMatch(l -> l.contains("pdmbot.rules.") || l.contains("pdmbot.domain."));
    }
}
