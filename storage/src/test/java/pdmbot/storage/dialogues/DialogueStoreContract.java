package pdmbot.storage.dialogues;

import pdmbot.domain.interaction.DialogueStore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link DialogueStore} keeps, run on H2 and on PostgreSQL through the production Flyway scripts. */
abstract class DialogueStoreContract {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    abstract DataSource dataSource();

    /** A store as one bot instance opens it; two calls are two instances (or one before and after a restart). */
    private DialogueStore instance() {
        return new JdbcDialogueStore(dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static DialogueStore.Dialogue triage(String subject) {
        return new DialogueStore.Dialogue(UUID.randomUUID().toString().replace("-", ""), "triage", subject, "slack",
                "C1", "U_RM", "what-failed", "{\"run\":1}", 0, null, null, NOW.plus(Duration.ofHours(12)), true);
    }

    private static String subject() {
        return "run:" + UUID.randomUUID();
    }

    @Test
    void a_started_dialogue_is_found_by_another_instance_at_version_one() {
        DialogueStore.Dialogue d = triage(subject());
        assertThat(instance().start(d)).isInstanceOf(DialogueStore.Started.class);
        DialogueStore.Dialogue found = instance().find(d.id()).orElseThrow();
        assertThat(found.step()).isEqualTo("what-failed");
        assertThat(found.state()).isEqualTo("{\"run\":1}");
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.isOpen()).isTrue();
        assertThat(instance().openOn("triage", d.subject())).contains(found);
    }

    @Test
    void a_second_dialogue_of_the_same_kind_on_the_same_subject_resumes_the_open_one() {
        String subject = subject();
        DialogueStore.Dialogue first = triage(subject);
        instance().start(first);
        DialogueStore.Start second = instance().start(triage(subject));
        assertThat(second).isInstanceOf(DialogueStore.AlreadyOpen.class);
        assertThat(((DialogueStore.AlreadyOpen) second).dialogue().id()).isEqualTo(first.id());
    }

    @Test
    void an_answer_advances_the_step_and_a_second_answer_on_the_same_version_is_stale() {
        DialogueStore.Dialogue d = triage(subject());
        instance().start(d);
        DialogueStore.Advance first = instance().advance(d.id(), 1, "retry-safe", "{\"run\":1,\"ddl\":true}", NOW.plusSeconds(60));
        assertThat(first).isInstanceOf(DialogueStore.Advanced.class);
        assertThat(((DialogueStore.Advanced) first).dialogue().version()).isEqualTo(2);
        DialogueStore.Advance late = instance().advance(d.id(), 1, "block-deploys", "{}", NOW.plusSeconds(60));
        assertThat(late).isInstanceOf(DialogueStore.Stale.class);
        assertThat(((DialogueStore.Stale) late).current().step()).isEqualTo("retry-safe");
    }

    @Test
    void instances_racing_to_answer_one_step_see_exactly_one_win() throws Exception {
        DialogueStore.Dialogue d = triage(subject());
        instance().start(d);
        int instances = 8;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<DialogueStore.Advance>> answers = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                String step = "answer-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return instance().advance(d.id(), 1, step, "{}", NOW.plusSeconds(60));
                }));
            }
            start.countDown();
            int wins = 0;
            for (Future<DialogueStore.Advance> f : answers) if (f.get() instanceof DialogueStore.Advanced) wins++;
            assertThat(wins).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_closed_dialogue_stays_as_history_refuses_answers_and_frees_its_subject() {
        String subject = subject();
        DialogueStore.Dialogue d = triage(subject);
        instance().start(d);
        assertThat(instance().close(d.id(), 1, "handed-over")).isInstanceOf(DialogueStore.Advanced.class);
        assertThat(instance().advance(d.id(), 2, "again", "{}", NOW)).isInstanceOf(DialogueStore.Closed.class);
        assertThat(instance().find(d.id()).orElseThrow().isOpen()).isFalse();
        assertThat(instance().openOn("triage", subject)).isEmpty();
        assertThat(instance().start(triage(subject))).isInstanceOf(DialogueStore.Started.class);
    }

    @Test
    void an_unknown_dialogue_is_missing() {
        assertThat(instance().advance("nope", 1, "x", "{}", NOW)).isEqualTo(new DialogueStore.Missing("nope"));
    }

    @Test
    void a_live_message_kept_by_one_instance_is_found_by_another_per_platform() {
        String key = "triage-" + UUID.randomUUID();
        assertThat(instance().liveMessage(key, "slack")).isEmpty();
        instance().keepLiveMessage(key, "slack", "C0ANNOUNCE", "1700000000.000100");
        instance().keepLiveMessage(key, "discord", "123", "987654321");
        assertThat(instance().liveMessage(key, "slack")).contains("1700000000.000100");
        assertThat(instance().liveMessage(key, "discord")).contains("987654321");
    }

    @Test
    void a_live_message_posted_again_replaces_the_one_kept() {
        String key = "triage-" + UUID.randomUUID();
        instance().keepLiveMessage(key, "slack", "C0ANNOUNCE", "1700000000.000100");
        instance().keepLiveMessage(key, "slack", "C0ANNOUNCE", "1700000099.000200");
        assertThat(instance().liveMessage(key, "slack")).contains("1700000099.000200");
    }
}
