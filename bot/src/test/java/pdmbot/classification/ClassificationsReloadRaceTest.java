package pdmbot.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.domain.PostMigration;
import pdmbot.rules.classify.ReloadResult;
import pdmbot.rules.classify.RuleBook;
import pdmbot.rules.classify.TableSizes;
import pdmbot.storage.classifications.ClassificationStore;
import pdmbot.storage.classifications.StoredClassification;
import pdmbot.testing.GitFixture;

/** Issue 11, item 7: a rules reload swaps rules and fingerprint as one value; no result is stored under the wrong one. */
class ClassificationsReloadRaceTest {

    private static final PostMigration PURGE = new PostMigration("20231101110000", "purge_legacy",
            "db/post_migrate/20231101110000_purge_legacy.rb");

    @TempDir
    Path rules;

    /** A store that records every save and can hold the first lookup until the test lets it go. */
    private static final class RecordingStore implements ClassificationStore {
        final List<StoredClassification> saved = new CopyOnWriteArrayList<>();
        final CountDownLatch lookingUp = new CountDownLatch(1);
        final CountDownLatch goOn = new CountDownLatch(1);
        final AtomicBoolean holdFirst = new AtomicBoolean();

        @Override
        public Optional<StoredClassification> find(String migrationVersion, String contentHash) {
            if (holdFirst.compareAndSet(true, false)) {
                lookingUp.countDown();
                await(goOn);
            }
            return Optional.empty();
        }

        @Override
        public void save(StoredClassification classification) {
            saved.add(classification);
        }

        @Override
        public Optional<StoredClassification> latestFor(String migrationVersion) {
            return Optional.empty();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("waited 30 s for the other thread").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] purge(int variant) {
        return (GitFixture.migration("PurgeLegacy", null, "purge_legacy_tables :x") + "# variant " + variant + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private Classifications withSiteRule(RecordingStore store) throws Exception {
        Files.writeString(rules.resolve("site.drl"), ClassificationCommandsTest.SITE_RULE);
        RuleBook book = RuleBook.withExtras(rules);
        return new Classifications(() -> book, TableSizes.defaults(), store, Clock.systemUTC());
    }

    private static String fingerprintOf(StoredClassification s) {
        return s.contentHash().substring(s.contentHash().indexOf('/') + 1);
    }

    @Test
    @DisplayName("issue 11: a classification under way while the rules are reloaded is stored under the fingerprint of the rules that decided it")
    void a_classification_under_way_during_a_reload_is_stored_under_the_fingerprint_of_its_own_rules() throws Exception {
        RecordingStore store = new RecordingStore();
        Classifications classifications = withSiteRule(store);
        String withSite = classifications.fingerprint();
        store.holdFirst.set(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<String> decided = CompletableFuture.supplyAsync(
                    () -> classifications.classify(PURGE, purge(0)).dominant().wireName(), pool);
            await(store.lookingUp);
            Files.delete(rules.resolve("site.drl"));
            assertThat(classifications.reload()).isInstanceOf(ReloadResult.Loaded.class);
            String builtInOnly = classifications.fingerprint();
            store.goOn.countDown();

            String dominant = decided.get(30, TimeUnit.SECONDS);

            assertThat(builtInOnly).isNotEqualTo(withSite);
            assertThat(store.saved).singleElement().satisfies(s -> {
                assertThat(fingerprintOf(s)).isEqualTo(withSite);
                assertThat(s.dominant()).isEqualTo("ddl_cleanup").isEqualTo(dominant);
            });
            assertThat(classifications.classify(PURGE, purge(0)).dominant().wireName()).isEqualTo("unknown");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void classifications_racing_several_reloads_are_each_stored_under_the_rules_that_decided_them() throws Exception {
        RecordingStore store = new RecordingStore();
        Classifications classifications = withSiteRule(store);
        String withSite = classifications.fingerprint();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger variant = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Void>> workers = List.of(1, 2).stream().map(w -> CompletableFuture.runAsync(() -> {
                while (!stop.get()) classifications.classify(PURGE, purge(variant.incrementAndGet()));
            }, pool)).toList();
            for (int reload = 0; reload < 2; reload++) {
                if (reload % 2 == 0) Files.delete(rules.resolve("site.drl"));
                else Files.writeString(rules.resolve("site.drl"), ClassificationCommandsTest.SITE_RULE);
                assertThat(classifications.reload()).isInstanceOf(ReloadResult.Loaded.class);
            }
            stop.set(true);
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.saved).hasSizeGreaterThan(4).allSatisfy(s ->
                assertThat(s.dominant()).as("stored under %s", fingerprintOf(s))
                        .isEqualTo(fingerprintOf(s).equals(withSite) ? "ddl_cleanup" : "unknown"));
    }
}
