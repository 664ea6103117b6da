package pdmbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import pdmbot.decide.GroupWindow;
import pdmbot.decide.RunWindows;
import pdmbot.decide.Window;
import java.util.List;
import org.junit.jupiter.api.Test;
import pdmbot.chat.Reply;
import pdmbot.storage.schedule.Offer;
import pdmbot.storage.testing.Race;

/** The behaviours of scheduled runs (issue 14 item 4), run on H2 and on PostgreSQL by the two subclasses. */
abstract class ScheduledRunsTests extends ScheduledRunsContract {

    @Test
    void nothing_is_proposed_before_the_window_opens_and_once_when_it_does() {
        try (Instance bot = instance("propose")) {
            bot.look();
            assertThat(posted.proposed).isEmpty();

            bot.at(SATURDAY_NIGHT.start());
            bot.look();
            bot.at(SATURDAY_NIGHT.start().plus(Duration.ofMinutes(1)));
            bot.look();

            assertThat(posted.proposed).singleElement().satisfies(p -> assertThat(p.plainText())
                    .contains("Proposed: 1 ddl_cleanup migration on db/gprd in the window Sat 2026-12-05 02:00–06:00 UTC",
                            "`20231107025611` remove_index_merge_requests_on_merge_jid (main)", "open until Sat 06:00 UTC"));
            assertThat(posted.buttons()).hasSize(2).allMatch(c -> c.startsWith("pdm proposal "));
        }
    }

    @Test
    void two_instances_on_one_database_at_the_same_window_make_one_proposal() throws Exception {
        try (Instance a = instance("propose"); Instance b = instance("propose")) {
            Race.run(() -> {
                a.scheduled.planWindows();
                return true;
            }, () -> {
                b.scheduled.planWindows();
                return true;
            });
            a.at(SATURDAY_NIGHT.start());
            b.at(SATURDAY_NIGHT.start());

            Race.run(() -> {
                a.look();
                return true;
            }, () -> {
                b.look();
                return true;
            });
            // Even the window's task run on both (a task re-run after a crash) proposes once: the window is claimed.
            a.proposals.atWindow(WindowKey.of(DDL_CLEANUP.environment(), DDL_CLEANUP.nature(), SATURDAY_NIGHT));
            b.proposals.atWindow(WindowKey.of(DDL_CLEANUP.environment(), DDL_CLEANUP.nature(), SATURDAY_NIGHT));

            assertThat(posted.proposed).hasSize(1);
            assertThat(a.db.stores().offers().all()).hasSize(1);
        }
    }

    @Test
    void a_restart_between_proposal_and_click_loses_nothing_and_the_click_starts_one_run() {
        long id;
        try (Instance before = instance("propose")) {
            before.look();
            before.at(SATURDAY_NIGHT.start().plus(Duration.ofMinutes(5)));
            before.look();
            id = proposalId(posted.buttons().get(0));
        }
        try (Instance after = instance("propose")) {
            after.at(SATURDAY_NIGHT.start().plus(Duration.ofMinutes(20)));
            after.look();

            Reply confirmed = after.proposals.confirm(id, "alice");
            Reply again = after.proposals.confirm(id, "bob");

            assertThat(posted.proposed).as("not proposed again after the restart").hasSize(1);
            assertThat(confirmed.outcome()).isEqualTo(Reply.Outcome.OK);
            assertThat(confirmed.plainText()).contains("PDM run #1 started for 1 ddl_cleanup migration on db/gprd");
            assertThat(again.outcome()).isEqualTo(Reply.Outcome.REFUSED);
            assertThat(again.plainText()).contains("already answered: started by alice (PDM run #1)", "Nothing ran twice");
            assertThat(runs.started).containsExactly(DDL_CLEANUP);
            Offer offer = after.db.stores().offers().find(id).orElseThrow();
            assertThat(offer.state()).isEqualTo(Offer.State.STARTED);
            assertThat(offer.dialogueId().flatMap(d -> after.db.stores().dialogues().find(d)))
                    .hasValueSatisfying(d -> assertThat(d.isOpen()).as("the proposal's dialogue is closed").isFalse());
        }
    }

    @Test
    void a_window_missed_while_no_instance_ran_is_reported_never_run_late_and_proposed_at_the_next() {
        try (Instance bot = instance("auto")) {
            bot.look();
            // down from Friday until Saturday 07:00: the window's task is found overdue
            windows.next(SUNDAY_NIGHT);
            bot.at(SATURDAY_NIGHT.end().plus(Duration.ofHours(1)));
            bot.look();

            assertThat(runs.started).as("nothing runs late, even in auto").isEmpty();
            assertThat(posted.announced).singleElement().satisfies(a -> assertThat(a.plainText()).contains(
                    "The ddl_cleanup window on db/gprd (Sat 2026-12-05 02:00–06:00 UTC) passed while no pdm-bot instance was running",
                    "nothing ran, and nothing runs late"));

            bot.at(SUNDAY_NIGHT.start());
            bot.look();

            assertThat(runs.started).containsExactly(DDL_CLEANUP);
            assertThat(posted.announced).hasSize(2).last().satisfies(a -> assertThat(a.plainText())
                    .contains("Scheduled run (auto): 1 ddl_cleanup migration on db/gprd in the window Sun 2026-12-06 02:00–06:00 UTC",
                            "started as PDM run #1 with its production checks"));
        }
    }

    @Test
    void a_skipped_proposal_is_proposed_again_at_the_next_window() {
        try (Instance bot = instance("propose")) {
            bot.look();
            bot.at(SATURDAY_NIGHT.start());
            bot.look();
            long first = proposalId(posted.buttons().get(0));

            Reply skipped = bot.proposals.skip(first, "alice");
            windows.next(SUNDAY_NIGHT);
            bot.at(SATURDAY_NIGHT.start().plus(Duration.ofHours(1)));
            bot.look();
            bot.at(SUNDAY_NIGHT.start());
            bot.look();

            assertThat(skipped.plainText()).contains("Skipped 1 ddl_cleanup migration", "proposed again at its next window");
            assertThat(posted.proposed).hasSize(2);
            assertThat(proposalId(posted.buttons().get(2))).isNotEqualTo(first);
            assertThat(posted.proposed.get(1).plainText()).contains("Sun 2026-12-06 02:00–06:00 UTC");
            assertThat(runs.started).isEmpty();
        }
    }

    @Test
    void a_proposal_without_an_answer_expires_with_its_window_and_a_late_click_runs_nothing() {
        try (Instance bot = instance("propose")) {
            bot.look();
            bot.at(SATURDAY_NIGHT.start());
            bot.look();
            long id = proposalId(posted.buttons().get(0));
            windows.next(SUNDAY_NIGHT);

            bot.at(SATURDAY_NIGHT.end());
            bot.look();
            Reply late = bot.proposals.confirm(id, "alice");

            assertThat(posted.announced).anySatisfy(a -> assertThat(a.plainText())
                    .contains("Proposal " + id + " expired without an answer", "Proposed again at the next window"));
            assertThat(late.outcome()).isEqualTo(Reply.Outcome.REFUSED);
            assertThat(late.plainText()).contains("expired: its window ended at Sat 06:00 UTC");
            assertThat(runs.started).isEmpty();
        }
    }

    @Test
    void a_window_that_does_not_close_in_the_lookahead_is_proposed_once_a_day_not_at_every_look() {
        // as the decisions give it: open now, ending where the look ends (it moves with every look)
        RunWindows moving = (from, until) -> List.of(new GroupWindow(DDL_CLEANUP, Optional.of(new Window(from, until)), List.of()));
        try (Instance bot = new Instance(moving, runs, posted, "propose")) {
            for (int minute = 0; minute < 3; minute++) {
                bot.at(FRIDAY.plus(Duration.ofMinutes(minute)));
                bot.look();
            }
            assertThat(posted.proposed).hasSize(1);
            assertThat(posted.proposed.get(0).plainText()).contains("in the window Fri 2026-12-04 16:00–Sat 00:00 UTC");

            bot.at(Instant.parse("2026-12-05T00:00:00Z"));
            bot.look();

            assertThat(posted.proposed).as("the next day's part is the next window").hasSize(2);
        }
    }

    @Test
    void in_auto_mode_a_nature_not_listed_is_proposed_and_a_listed_one_runs_announced() {
        try (Instance bot = instance("auto")) {
            bot.look();
            bot.at(SATURDAY_NIGHT.start());
            bot.look();

            assertThat(posted.proposed).isEmpty();
            assertThat(runs.started).containsExactly(DDL_CLEANUP);
            assertThat(bot.db.stores().offers().all()).singleElement()
                    .satisfies(o -> assertThat(o.state()).isEqualTo(Offer.State.STARTED));
        }
        assertThat(List.of(new ScheduleSettings("auto", List.of("sidekiq_only"), Duration.ofDays(7), Duration.ofMinutes(1))
                .runsWithoutClick("ddl_cleanup"))).containsExactly(false);
    }
}
