package pdmbot.storage.classifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pdmbot.domain.LogicalDatabase;
import pdmbot.storage.testing.StoreContract;

/** What every ClassificationStore does, on H2 and on PostgreSQL. */
abstract class ClassificationStoreContract extends StoreContract {

    static final String VERSION = "20231025120000";
    static final String REASONS = "[{\"rule\":\"index on a large table is large_index_or_fk\",\"line\":7}]";

    private ClassificationStore classifications() {
        return stores().classifications();
    }

    private static StoredClassification classification(String hash, String dominant, java.time.Instant at) {
        return new StoredClassification(VERSION, hash, dominant, List.of(dominant, "ddl_cleanup"),
                Set.of(LogicalDatabase.MAIN, LogicalDatabase.CI), REASONS, "{\"calls\":2}", at);
    }

    @Test
    void a_saved_classification_is_found_by_version_and_content_hash() {
        StoredClassification saved = classification("sha256:aa", "large_index_or_fk", START);

        classifications().save(saved);

        assertThat(classifications().find(VERSION, "sha256:aa")).contains(saved);
        assertThat(classifications().find(VERSION, "sha256:bb")).isEmpty();
        assertThat(classifications().find("20990101000000", "sha256:aa")).isEmpty();
    }

    @Test
    void saving_again_for_the_same_content_replaces_the_classification() {
        classifications().save(classification("sha256:aa", "large_index_or_fk", START));
        StoredClassification again = classification("sha256:aa", "ddl_cleanup", START.plus(Duration.ofMinutes(1)));

        classifications().save(again);
        classifications().save(again);

        assertThat(classifications().find(VERSION, "sha256:aa")).contains(again);
    }

    @Test
    void a_classification_of_one_database_without_natures_or_facts_round_trips() {
        StoredClassification noop = new StoredClassification(VERSION, "sha256:cc", "noop", List.of(),
                Set.of(LogicalDatabase.CI), "[]", null, START);

        classifications().save(noop);

        assertThat(classifications().find(VERSION, "sha256:cc")).contains(noop);
    }

    @Test
    void the_latest_classification_is_the_most_recently_classified_content() {
        StoredClassification older = classification("sha256:aa", "large_index_or_fk", START);
        StoredClassification newer = classification("sha256:bb", "ddl_cleanup", START.plus(Duration.ofDays(1)));
        classifications().save(newer);
        classifications().save(older);

        assertThat(classifications().latestFor(VERSION)).contains(newer);
        assertThat(classifications().latestFor("20990101000000")).isEmpty();
    }
}
