package pdmbot.pending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Issue 17 item 6: {@code pdm status} does not decide every pending group again on every request. */
class CachedDecisionsTest {

    final AtomicLong generation = new AtomicLong(1);
    final PendingView view = new PendingView() {
        @Override
        public PendingSnapshot current() {
            return new PendingSnapshot(generation.get(), PendingViewTest.NOW, PendingViewTest.plan(java.util.Map.of()), List.of(),
                    java.util.Map.of());
        }

        @Override
        public void subscribe(Consumer<PendingSnapshot> listener) {
        }

        @Override
        public void changed(String why) {
            generation.incrementAndGet();
        }
    };
    final AtomicInteger decided = new AtomicInteger();

    @Test
    void statuses_without_a_change_decide_once_and_a_change_of_what_is_pending_decides_again() {
        CachedDecisions<List<String>> decisions = new CachedDecisions<>(view,
                () -> List.of("gprd main: run now (" + decided.incrementAndGet() + ")"), java.time.Clock.systemUTC(), Duration.ofMinutes(1));

        for (int i = 0; i < 100; i++) assertThat(decisions.get()).containsExactly("gprd main: run now (1)");
        view.changed("run 1 step gprd succeeded");

        assertThat(decisions.get()).containsExactly("gprd main: run now (2)");
        assertThat(decided).hasValue(2);
    }
}
