package pdmbot.rules.classify;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Mutated fixture migrations (tokens and bytes deleted, duplicated, inserted) never make the classifier throw or hang. */
class MutatedFixturesPropertyTest {

    private static final List<byte[]> FIXTURES = load();
    private static final List<String> TOKENS = List.of("do", "end", "def", "class", "(", ")", "{", "}", "[", "]", "<<~SQL", "SQL",
            "\"", "'", "#{", "%w[", ":", "::", "if", "unless", "begin", "rescue", "|", "\n", "=begin", "?", "->", "update_all", "\\");

    private static List<byte[]> load() {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/migrations"))) {
            return files.filter(p -> p.toString().endsWith(".rb")).sorted().map(p -> {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One edit: kind 0 delete a range, 1 duplicate a range, 2 insert a token, 3 insert a random byte. */
    record Edit(int kind, double at, int length, int token, byte value) {}

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 40), Arbitraries.integers().between(0, TOKENS.size() - 1), Arbitraries.bytes())
                .as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(8);
    }

    static byte[] apply(byte[] original, List<Edit> edits) {
        byte[] b = original;
        for (Edit e : edits) {
            int at = (int) (e.at() * b.length);
            int len = Math.min(e.length(), b.length - at);
            byte[] insert = switch (e.kind()) {
                case 1 -> java.util.Arrays.copyOfRange(b, at, at + len);
                case 2 -> TOKENS.get(e.token()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                case 3 -> new byte[] {e.value()};
                default -> new byte[0];
            };
            int removed = e.kind() == 0 ? len : 0;
            byte[] next = new byte[b.length - removed + insert.length];
            System.arraycopy(b, 0, next, 0, at);
            System.arraycopy(insert, 0, next, at, insert.length);
            System.arraycopy(b, at + removed, next, at + insert.length, b.length - at - removed);
            b = next;
        }
        return b;
    }

    @Property(tries = 1500)
    void mutated_fixtures_are_classified_without_throwing_and_terminate(@ForAll("edits") List<Edit> edits,
                                                                        @ForAll("fixtureIndex") int fixture) throws Exception {
        byte[] mutated = apply(FIXTURES.get(fixture), edits);

        Classification c = CompletableFuture.supplyAsync(() -> Fixtures.CLASSIFIER.classify("db/post_migrate/20240101000000_m.rb", mutated))
                .get(5, TimeUnit.SECONDS);

        assertThat(c.dominant()).isNotNull();
        assertThat(c.natures()).isNotEmpty();
    }

    @Provide
    Arbitrary<Integer> fixtureIndex() {
        return Arbitraries.integers().between(0, FIXTURES.size() - 1);
    }
}
