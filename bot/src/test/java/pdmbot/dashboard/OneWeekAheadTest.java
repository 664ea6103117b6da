package pdmbot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import pdmbot.decide.DecisionLines;
import pdmbot.decide.RunDecider;
import pdmbot.decide.TestDeciders;
import pdmbot.pending.CachedDecisions;
import pdmbot.pending.PendingSnapshot;
import pdmbot.pending.PendingView;
import pdmbot.run.PendingPlan;

/** {@code pdm status} and the dashboard read one cached week ahead: a look by both decides once, a change decides again. */
class OneWeekAheadTest {

    static final Instant NOW = Instant.parse("2026-12-01T14:00:00Z");

    final AtomicLong generation = new AtomicLong(1);
    final PendingView view = new PendingView() {
        @Override
        public PendingSnapshot current() {
            return new PendingSnapshot(generation.get(), NOW, new PendingPlan(List.of(), Map.of(), Map.of()), List.of(), Map.of());
        }

        @Override
        public void subscribe(Consumer<PendingSnapshot> listener) {
        }

        @Override
        public void changed(String why) {
            generation.incrementAndGet();
        }
    };

    @Test
    void status_and_dashboard_share_one_decision_of_the_week_until_what_is_pending_changes() {
        RunDecider decider = TestDeciders.reading(() -> {
            throw new AssertionError("only the cached week ahead is read");
        }, NOW);
        AtomicInteger decided = new AtomicInteger();
        CachedDecisions<RunDecider.Schedule> weekAhead = new CachedDecisions<>(view, () -> {
            decided.incrementAndGet();
            return new RunDecider.Schedule(NOW, NOW.plus(RunDecider.AHEAD), List.of(), List.of());
        }, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(1));
        DecisionLines status = new DecisionLines(decider, weekAhead);
        DashboardDecisions dashboard = DashboardDecisions.of(decider, weekAhead);

        status.lines();
        dashboard.decide();
        status.lines();
        int beforeTheChange = decided.get();
        view.changed("run 1 step gprd succeeded");
        dashboard.decide();

        assertThat(beforeTheChange).isEqualTo(1);
        assertThat(decided).hasValue(2);
    }
}
