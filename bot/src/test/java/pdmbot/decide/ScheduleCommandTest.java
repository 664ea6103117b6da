package pdmbot.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.chat.Reply;

/** {@code pdm schedule} and the demo's decision commands through the chat core, on the demo world (issue 14 item 5). */
class ScheduleCommandTest {

    @TempDir
    static Path data;
    private static DecideBot bot;

    @BeforeAll
    static void start() {
        bot = DecideBot.start(data);
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @BeforeEach
    void healthy() {
        bot.say("demo health clear");
    }

    /** The table row of a group in the schedule's reply. */
    private static Optional<String> row(String reply, String group) {
        return Arrays.stream(reply.split("\n")).filter(l -> l.startsWith(group + " ")).findFirst();
    }

    @Test
    void a_tuesday_peak_runs_sidekiq_only_and_holds_the_large_index_until_the_night() {
        bot.say("demo clock 2026-12-01 14:00");
        String reply = bot.text("pdm schedule");

        assertThat(reply).startsWith("PDM schedule — now Tue 2026-12-01 14:00 UTC, looking 7 days ahead");
        assertThat(row(reply, "gprd sidekiq_only")).get().asString().contains("RUN_NOW");
        assertThat(row(reply, "gprd large_index_or_fk")).get().asString().contains("WAIT_UNTIL Wed 2026-12-02 01:00 UTC");
        assertThat(reply).contains("a nature outside every window of its policy waits: large_index_or_fk runs in weekends"
                + " and holidays or low traffic, with no deploy expected during its run; it is Tuesday 14:00 UTC, traffic 0.97 (Prometheus, now)");
    }

    @Test
    void a_saturday_night_runs_the_large_index_and_the_cleanups_now() {
        bot.say("demo clock 2026-12-05 03:00");
        String reply = bot.text("pdm schedule");

        assertThat(reply).startsWith("PDM schedule — now Sat 2026-12-05 03:00 UTC");
        assertThat(row(reply, "gprd large_index_or_fk")).get().asString().contains("RUN_NOW");
        assertThat(row(reply, "gprd ddl_cleanup")).get().asString().contains("RUN_NOW");
        assertThat(reply).contains("a nature allowed at weekends may run at a weekend or on a holiday: large_index_or_fk");
    }

    @Test
    void finalize_background_is_blocked_while_the_demos_background_migration_is_active_and_runs_once_it_finished() {
        bot.say("demo clock 2026-12-05 03:00");
        String before = bot.text("pdm schedule");

        assertThat(row(before, "gprd finalize_background")).get().asString().contains("BLOCKED");
        assertThat(before).contains("finalize_background waits while its batched background migration is unfinished: ")
                .contains("20231106234858 finalizes BackfillCiBuildsMetadataPartitionId; batched background migration"
                        + " BackfillCiBuildsMetadataPartitionId on ci_builds_metadata is active on gprd ci (78.2%): finalizing now would"
                        + " run the leftover batches inline");

        assertThat(bot.text("demo bbm finish BackfillCiBuildsMetadataPartitionId")).contains("finished on 1 database");
        String after = bot.text("pdm schedule");
        assertThat(row(after, "gprd finalize_background")).get().asString().contains("RUN_NOW");
    }

    @Test
    void autovacuum_on_a_groups_table_blocks_it_through_the_demos_prometheus() {
        bot.say("demo clock 2026-12-05 03:00");
        String table = "merge_requests";
        bot.say("demo health autovacuum " + table);
        String reply = bot.text("pdm schedule");

        assertThat(reply).contains("a health signal at stop on a group's table blocks it: autovacuum on " + table
                + " is stop (1, stop above 0)");
    }

    @Test
    void schedule_at_another_time_answers_for_that_time_and_says_what_it_cannot_project() {
        bot.say("demo clock 2026-12-01 14:00");
        String reply = bot.text("pdm schedule --at \"saturday 03:00\"");

        assertThat(reply).startsWith("PDM schedule — at Sat 2026-12-05 03:00 UTC");
        assertThat(row(reply, "gprd large_index_or_fk")).get().asString().contains("RUN_NOW");
        assertThat(reply).contains("incidents, locks, deployments, background migrations and health are looked at only for now");
    }

    @Test
    void a_time_that_does_not_parse_says_the_formats_accepted() {
        Reply reply = bot.say("pdm schedule --at tomorrowish");

        assertThat(reply.isOk()).isFalse();
        assertThat(reply.plainText()).contains("\"tomorrowish\" is not a time I can read; use `2026-12-05T03:00:00Z`")
                .contains("`saturday 03:00`");
    }

    @Test
    void days_out_of_range_are_refused_with_the_range() {
        assertThat(bot.text("pdm schedule --days 90")).contains("--days takes a whole number of days from 1 to 28, not \"90\"");
    }

    @Test
    void demo_clock_real_goes_back_to_real_time() {
        bot.say("demo clock 2026-12-05 03:00");

        assertThat(bot.text("demo clock real")).startsWith("The decisions' clock is real time again");
    }
}
