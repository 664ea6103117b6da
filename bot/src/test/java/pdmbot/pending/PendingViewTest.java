package pdmbot.pending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PackageVersion;
import pdmbot.domain.PostMigration;
import pdmbot.ledger.MigrationNatures;
import pdmbot.run.PendingPlan;
import pdmbot.storage.changes.WorldChangeStore;
import pdmbot.world.AutoDeployPackage;

/** Issue 17 item 6: one view of what is pending, recomputed when the world changes and not on every read. */
class PendingViewTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final PostMigration DROP = new PostMigration("20231107025611", "remove_index_merge_requests_on_merge_jid",
            "db/post_migrate/20231107025611_remove_index_merge_requests_on_merge_jid.rb");
    static final PostMigration BACKFILL = new PostMigration("20231108000000", "backfill_ci_builds",
            "db/post_migrate/20231108000000_backfill_ci_builds.rb");
    static final AutoDeployPackage ON_GPRD = new AutoDeployPackage(
            PackageVersion.parse("16.7.202311090620-66b715d55af.d3f7b0a0e28").orElseThrow(), "a".repeat(40), "16-7-auto-deploy");

    /** A shared counter as the database keeps it, for two views standing for two instances. */
    static final class Counter implements WorldChangeStore {
        final AtomicLong generation = new AtomicLong();

        @Override
        public long generation() {
            return generation.get();
        }

        @Override
        public long bump(String reason) {
            return generation.incrementAndGet();
        }
    }

    final AtomicInteger computed = new AtomicInteger();
    final AtomicReference<PendingPlan> world = new AtomicReference<>(plan(Map.of(DROP, EnumSet.of(LogicalDatabase.MAIN),
            BACKFILL, EnumSet.of(LogicalDatabase.MAIN, LogicalDatabase.CI))));
    final Counter counter = new Counter();
    final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    static PendingPlan plan(Map<PostMigration, Set<LogicalDatabase>> onGprd) {
        List<PendingPlan.Entry> entries = new ArrayList<>();
        onGprd.entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(PostMigration::version)))
                .forEach(e -> entries.add(new PendingPlan.Entry(e.getKey(), e.getValue())));
        return new PendingPlan(List.of(Environment.GSTG, Environment.GPRD), Map.of(Environment.GPRD, entries),
                Map.of(Environment.GPRD, ON_GPRD));
    }

    MaintainedPendingView view(WorldChangeStore shared) {
        MigrationNatures natures = m -> new MigrationNatures.Summary(m == DROP ? "ddl_cleanup" : "dml_inline",
                EnumSet.allOf(LogicalDatabase.class));
        return new MaintainedPendingView(() -> {
            computed.incrementAndGet();
            return world.get();
        }, natures, v -> v.equals(DROP.version()) ? Optional.of(Instant.parse("2026-11-30T12:00:00Z")) : Optional.empty(),
                shared, clock);
    }

    @Test
    void reads_without_a_change_compute_once_and_share_the_snapshot() {
        try (MaintainedPendingView view = view(counter)) {
            PendingSnapshot first = view.current();
            for (int i = 0; i < 1000; i++) assertThat(view.current()).isSameAs(first);

            assertThat(computed).hasValue(1);
        }
    }

    @Test
    void counts_are_per_environment_database_and_nature() {
        try (MaintainedPendingView view = view(counter)) {
            PendingSnapshot snapshot = view.current();

            assertThat(snapshot.counts()).containsExactly(
                    Map.entry(new PendingSnapshot.Key(Environment.GPRD, LogicalDatabase.MAIN, "ddl_cleanup"), 1L),
                    Map.entry(new PendingSnapshot.Key(Environment.GPRD, LogicalDatabase.MAIN, "dml_inline"), 1L),
                    Map.entry(new PendingSnapshot.Key(Environment.GPRD, LogicalDatabase.CI, "dml_inline"), 1L));
            assertThat(snapshot.countOn(Environment.GPRD, LogicalDatabase.MAIN)).isEqualTo(2);
            assertThat(snapshot.countOn(Environment.GSTG, LogicalDatabase.MAIN)).isZero();
        }
    }

    @Test
    void the_oldest_pending_age_comes_from_the_introducing_package_else_the_deployed_one() {
        try (MaintainedPendingView view = view(counter)) {
            PendingSnapshot snapshot = view.current();

            // DROP's package was built a day ago; BACKFILL's is unknown, so the package on gprd (2023-11-09 06:20) counts
            assertThat(snapshot.oldestPendingSince(Environment.GPRD, LogicalDatabase.CI)).contains(Instant.parse("2023-11-09T06:20:00Z"));
            assertThat(snapshot.oldestPendingSince(Environment.GPRD, LogicalDatabase.MAIN)).contains(Instant.parse("2023-11-09T06:20:00Z"));
            assertThat(snapshot.oldestPendingAge(Environment.GSTG, LogicalDatabase.MAIN, NOW)).isZero();
        }
    }

    @Test
    void a_change_signalled_here_is_seen_by_the_next_read_and_counted_for_other_instances() {
        try (MaintainedPendingView view = view(counter)) {
            view.current();
            world.set(plan(Map.of()));

            view.changed("run 1 step gprd succeeded");

            assertThat(view.current().items()).isEmpty();
            assertThat(counter.generation()).isEqualTo(1);
            assertThat(computed).hasValue(2);
        }
    }

    @Test
    void a_change_made_by_another_instance_reaches_this_one_at_its_next_poll() {
        try (MaintainedPendingView here = view(counter); MaintainedPendingView there = view(counter)) {
            here.look(Duration.ofMinutes(1));
            assertThat(here.current().items()).hasSize(3);
            world.set(plan(Map.of(DROP, EnumSet.of(LogicalDatabase.MAIN))));

            there.changed("run 1 step gprd succeeded");
            PendingSnapshot before = here.current();
            here.look(Duration.ofMinutes(1));

            assertThat(before.items()).hasSize(3);
            assertThat(here.current().items()).hasSize(1);
        }
    }

    @Test
    void a_poll_without_any_change_recomputes_nothing() {
        try (MaintainedPendingView view = view(counter)) {
            view.current();
            view.look(Duration.ofMinutes(1));
            int after = computed.get();

            for (int i = 0; i < 10; i++) view.look(Duration.ofMinutes(1));

            assertThat(computed).hasValue(after);
        }
    }

    @Test
    void a_snapshot_older_than_its_maximum_age_is_recomputed_for_changes_made_outside_the_bot() {
        try (MaintainedPendingView view = view(counter)) {
            view.current();
            view.look(Duration.ofMinutes(1));
            world.set(plan(Map.of()));
            now.set(NOW.plus(Duration.ofMinutes(2)));

            view.look(Duration.ofMinutes(1));

            assertThat(view.current().items()).isEmpty();
            assertThat(view.current().computedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
        }
    }

    @Test
    void listeners_get_every_new_snapshot() {
        try (MaintainedPendingView view = view(counter)) {
            List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            view.subscribe(s -> seen.add(s.generation()));

            view.current();
            view.changed("demo deploy");
            view.current();

            assertThat(seen).hasSize(2).isSorted();
        }
    }

    @Test
    void many_readers_after_a_change_wait_for_one_computation() throws Exception {
        try (MaintainedPendingView view = view(counter)) {
            view.current();
            view.changed("a package was ingested");
            ExecutorService readers = Executors.newFixedThreadPool(8);
            try {
                List<Future<PendingSnapshot>> reads = new ArrayList<>();
                for (int i = 0; i < 64; i++) reads.add(readers.submit(view::current));
                for (Future<PendingSnapshot> read : reads) read.get(10, TimeUnit.SECONDS);
            } finally {
                readers.shutdownNow();
            }

            assertThat(computed).hasValue(2);
        }
    }
}
