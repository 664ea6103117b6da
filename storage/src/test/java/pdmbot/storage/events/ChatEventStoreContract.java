package pdmbot.storage.events;

import pdmbot.domain.interaction.ChatEventStore;
import pdmbot.domain.interaction.ChatButtonStore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ChatEventStore} and {@link ChatButtonStore} keeps, run on H2 and on PostgreSQL. */
abstract class ChatEventStoreContract {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    abstract DataSource dataSource();

    private ChatEventStore events() {
        return new JdbcChatEventStore(dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private ChatButtonStore buttons(Instant now) {
        return new JdbcChatButtonStore(dataSource(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void the_first_claim_of_an_event_wins_and_a_retry_loses() {
        String id = fresh("Ev");
        assertThat(events().claim("slack", id, "a")).isTrue();
        assertThat(events().claim("slack", id, "a")).isFalse();
        assertThat(events().claim("slack", id, "b")).isFalse();
    }

    @Test
    void the_same_event_id_on_another_platform_is_another_event() {
        String id = fresh("1234");
        assertThat(events().claim("slack", id, "a")).isTrue();
        assertThat(events().claim("discord", id, "a")).isTrue();
    }

    @Test
    void instances_racing_for_one_event_see_exactly_one_win() throws Exception {
        String id = fresh("race");
        int instances = 8;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                String instance = "instance-" + i;
                Callable<Boolean> claim = () -> {
                    start.await();
                    return events().claim("slack", id, instance);
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            int wins = 0;
            for (Future<Boolean> f : claims) if (f.get()) wins++;
            assertThat(wins).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_released_claim_can_be_claimed_again_by_the_retry() {
        String id = fresh("released");
        assertThat(events().claim("slack", id, "a")).isTrue();
        events().release("slack", id);
        assertThat(events().claim("slack", id, "b")).isTrue();
        assertThat(events().claim("slack", id, "a")).isFalse();
    }

    @Test
    void old_claims_are_forgotten() {
        String id = fresh("old");
        events().claim("slack", id, "a");
        assertThat(events().forgetClaimedBefore(NOW.plusSeconds(1))).isGreaterThanOrEqualTo(1);
        assertThat(events().claim("slack", id, "a")).isTrue();
    }

    private ChatButtonStore.IssuedButton button(String mayClick) {
        return new ChatButtonStore.IssuedButton(fresh("b"), "slack", "pdm lock gprd", "Lock gprd", mayClick,
                NOW, NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void a_button_is_used_once_and_the_second_click_is_told_who_used_it() {
        ChatButtonStore.IssuedButton b = button(null);
        buttons(NOW).issue(b);
        assertThat(buttons(NOW).use(b.id(), "U1")).isEqualTo(new ChatButtonStore.Usable(b));
        assertThat(buttons(NOW).use(b.id(), "U2")).isEqualTo(new ChatButtonStore.AlreadyUsed(b, "U1"));
    }

    @Test
    void a_button_past_its_expiry_does_nothing() {
        ChatButtonStore.IssuedButton b = button(null);
        buttons(NOW).issue(b);
        assertThat(buttons(NOW.plus(Duration.ofMinutes(15))).use(b.id(), "U1"))
                .isEqualTo(new ChatButtonStore.Expired(b));
    }

    @Test
    void a_button_for_one_user_refuses_another_and_stays_usable() {
        ChatButtonStore.IssuedButton b = button("U1");
        buttons(NOW).issue(b);
        assertThat(buttons(NOW).use(b.id(), "U2")).isEqualTo(new ChatButtonStore.NotYours(b));
        assertThat(buttons(NOW).use(b.id(), "U1")).isEqualTo(new ChatButtonStore.Usable(b));
    }

    @Test
    void an_unknown_button_id_is_unknown() {
        assertThat(buttons(NOW).use("nope", "U1")).isEqualTo(new ChatButtonStore.Unknown("nope"));
    }

    @Test
    void a_double_click_racing_on_two_instances_runs_once() throws Exception {
        ChatButtonStore.IssuedButton b = button(null);
        buttons(NOW).issue(b);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ChatButtonStore.Click>> clicks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String user = "U" + i;
                clicks.add(pool.submit(() -> {
                    start.await();
                    return buttons(NOW).use(b.id(), user);
                }));
            }
            start.countDown();
            long usable = 0;
            for (Future<ChatButtonStore.Click> f : clicks) if (f.get() instanceof ChatButtonStore.Usable) usable++;
            assertThat(usable).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
