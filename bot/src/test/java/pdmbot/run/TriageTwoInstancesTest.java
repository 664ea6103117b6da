package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.app.PdmBot;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.config.BotConfig;
import pdmbot.domain.Environment;
import pdmbot.storage.testing.PostgresAddress;
import pdmbot.storage.testing.TestDatabases;

/**
 * Two bot instances on one PostgreSQL (issue 15 item 5): both hear the same failure and one triage is started and
 * announced; two release managers answering the same question at once get one answer recorded; a due reminder is
 * posted once.
 */
class TriageTwoInstancesTest {

    @TempDir
    Path temp;

    /** Real time plus an offset the test moves: the demo's pipelines keep moving, reminders come due on demand. */
    static final class MovableClock extends Clock {
        final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }
    }

    @Test
    void one_triage_one_answer_and_one_reminder_across_two_instances() throws Exception {
        PostgresAddress pg = TestDatabases.freshPostgresDatabase();
        MovableClock clock = new MovableClock();
        try (PdmBot a = start(pg, "a", clock); PdmBot b = start(pg, "b", clock)) {
            List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
            a.announcements().subscribe((topic, m) -> heard.add("a " + m.plainText()));
            b.announcements().subscribe((topic, m) -> heard.add("b " + m.plainText()));
            say(a, "demo fail next 20231107025611");
            say(a, "pdm execute --confirm");
            assertThat(a.runs().awaitIdle(Duration.ofSeconds(60))).isTrue();

            // the other instance hears the same failure (as a second listener would): it finds the triage, posts nothing
            RunFailed same = new RunFailed(1, new RunStep("gstg", StepKind.MIGRATIONS, Optional.of(Environment.GSTG)), 1,
                    "failed", Optional.of("20231107025611"), "PG::QueryCanceled: ERROR: canceling statement due to statement timeout", "");
            CompletableFuture.allOf(CompletableFuture.runAsync(() -> b.triage().service().runFailed(same)),
                    CompletableFuture.runAsync(() -> a.triage().service().runFailed(same))).get();
            assertThat(heard.stream().filter(t -> t.contains("Triage of PDM run #1")).count()).isEqualTo(1);
            assertThat(say(b, "triage").plainText()).contains("already has its triage");

            CompletableFuture<Reply> yes = CompletableFuture.supplyAsync(() -> say(a, "triage answer 1 retry yes"));
            CompletableFuture<Reply> no = CompletableFuture.supplyAsync(() -> say(b, "triage answer 1 retry no"));
            List<Reply> answers = List.of(yes.get(), no.get());
            assertThat(answers).filteredOn(Reply::isOk).hasSize(1);
            assertThat(answers).filteredOn(r -> !r.isOk()).singleElement()
                    .satisfies(r -> assertThat(r.plainText()).containsAnyOf("already answered", "at the same moment"));

            clock.offset.set(Duration.ofMinutes(31));
            CompletableFuture<Integer> ra = CompletableFuture.supplyAsync(() -> a.triage().remindDue());
            CompletableFuture<Integer> rb = CompletableFuture.supplyAsync(() -> b.triage().remindDue());
            assertThat(ra.get() + rb.get()).isEqualTo(1);
            assertThat(a.triage().remindDue() + b.triage().remindDue()).isZero();
            assertThat(heard.stream().filter(t -> t.contains("Reminder, release managers")).count()).isEqualTo(1);
        }
    }

    private static Reply say(PdmBot bot, String text) {
        String user = bot.config().console().user();
        return bot.core().handle(new ChatRequest("console", user, user, "", null, text, "", Instant.now()));
    }

    private PdmBot start(PostgresAddress pg, String instance, Clock clock) {
        Path data = temp.resolve("data-" + instance);
        BotConfig base = TestBot.config(data);
        BotConfig config = new BotConfig(base.data(), new BotConfig.Store("postgres", pg.url(), pg.user(), "TEST_PG_PASSWORD", null),
                base.world(), base.roles(), base.console(), base.rules(), base.http(), base.slack(), base.discord(), base.run(), base.decide(), base.durations(),
                base.schedule());
        return PdmBot.start(config, Map.of("TEST_PG_PASSWORD", pg.password() == null ? "" : pg.password()), clock);
    }
}
