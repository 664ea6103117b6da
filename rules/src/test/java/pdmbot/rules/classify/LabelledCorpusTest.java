package pdmbot.rules.classify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pdmbot.domain.LogicalDatabase;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every fixture migration is classified as labels.tsv says. */
class LabelledCorpusTest {

    static Stream<Arguments> labels() {
        return Fixtures.text("migrations/labels.tsv").lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t"))
                .map(f -> Arguments.of(f[0], f[1], f[2], f[3]));
    }

    @ParameterizedTest(name = "{0} is {1} ({2}) on {3}")
    @MethodSource("labels")
    void fixture_is_classified_as_labelled(String file, String dominant, String natures, String databases) {
        Classification c = Fixtures.CLASSIFIER.classify("db/post_migrate/" + file, Fixtures.migration(file));

        String actual = c.dominant().wireName() + " | "
                + c.natures().stream().map(Nature::wireName).collect(Collectors.joining(",")) + " | "
                + LogicalDatabase.format(c.databases());
        assertThat(actual).as("%s reasons %s problems %s", file, c.reasons(), c.problems())
                .isEqualTo(dominant + " | " + natures + " | " + databases);
    }
}
