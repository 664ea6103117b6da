package pdmbot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunState;

/** The dashboard's HTML: every text escaped, missing sources said so, runs drawn by outcome. */
class DashboardPageTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final String HOSTILE = "<script>alert('x')</script>\"&";

    static RunRecord run(long id, RunState state, String by, String outcome, Duration took) {
        Instant start = NOW.minus(Duration.ofHours(id));
        return new RunRecord(id, state, by, start, state.isActive() ? null : start.plus(took), "", outcome, null, null);
    }

    static DashboardView view(Optional<List<DashboardView.GroupRow>> windows, List<RunRecord> runs) {
        return new DashboardView(NOW, "the demo world " + HOSTILE,
                List.of(new DashboardView.PendingCount("db/gprd", "main", 3), new DashboardView.PendingCount("db/gprd", "ci", 0)),
                List.of(new DashboardView.PendingRow("db/gprd", "20231107025611", "Remove" + HOSTILE, "main", "ddl_cleanup\"><b>",
                        windows.map(w -> new DashboardView.Decision("run now", List.of("reason " + HOSTILE))))),
                windows, windows.map(w -> List.of("gprd runs `16.7.202311090620-66b715d55af.ca354d0ad6c` " + HOSTILE)),
                Optional.empty(), runs, Optional.empty(), List.of("GitLab said " + HOSTILE));
    }

    @Test
    void every_text_from_outside_is_escaped_and_no_markup_gets_through() {
        List<RunRecord> runs = List.of(run(2, RunState.FAILED, HOSTILE, HOSTILE, Duration.ZERO),
                run(1, RunState.SUCCEEDED, "root", "succeeded: 3 post-deploy migration(s) executed", Duration.ofSeconds(33)));
        List<DashboardView.GroupRow> groups = List.of(new DashboardView.GroupRow("db/gprd", HOSTILE, 2, "about 14 min " + HOSTILE,
                "RUN_NOW", "Tue 2026-12-01 12:00 UTC → Tue 2026-12-01 18:00 UTC", List.of(HOSTILE), "cuts off `" + HOSTILE + "`"));

        String page = DashboardPage.page(view(Optional.of(groups), runs));

        assertThat(page).doesNotContain("<script>alert", "\"><b>", "'x'");
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;");
        assertThat(page).contains("<code>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;</code>");
        assertThat(page).contains("nature-unknown").doesNotContain("nature-ddl_cleanup\"");
        assertThat(page).containsOnlyOnce("<script src=\"/dashboard/dashboard.js\" defer></script>");
    }

    @Test
    void sections_without_a_source_say_not_available_instead_of_showing_data() {
        String content = DashboardPage.content(view(Optional.empty(), List.of()));

        assertThat(content).contains("<section id=\"windows\"><h2>Next windows</h2><p class=\"na\">not available: run decisions are not wired");
        assertThat(content).contains("<section id=\"rollback\"><h2>Rollback line</h2><p class=\"na\">not available: run decisions");
        assertThat(content).contains("<section id=\"triage\"><h2>Active triage</h2><p class=\"na\">not available");
        assertThat(content).contains("<td><span class=\"na\">not available</span></td>");
        assertThat(content).contains("No run yet.");
    }

    @Test
    void pending_shows_counts_per_environment_and_database_and_each_migration_with_its_nature_and_decision() {
        String content = DashboardPage.content(view(Optional.of(List.of()), List.of()));

        assertThat(content).contains("<div class=\"count some\"><span class=\"where\">db/gprd main</span><b>3</b></div>",
                "<div class=\"count\"><span class=\"where\">db/gprd ci</span><b>0</b></div>",
                "<code>20231107025611</code>", "<span title=\"reason &lt;script&gt;");
        assertThat(content).contains(">run now</span>");
    }

    @Test
    void the_next_windows_and_the_rollback_line_come_from_the_decisions() {
        List<DashboardView.GroupRow> groups = List.of(new DashboardView.GroupRow("db/gprd", "ddl_cleanup", 2, "about 14 min (default)",
                "WAIT_UNTIL Tue 2026-12-01 22:00 UTC", "Tue 2026-12-01 22:00 UTC → Wed 2026-12-02 06:00 UTC",
                List.of("peak hours: load 0.9"), "cuts off no rollback target"));

        String content = DashboardPage.content(view(Optional.of(groups), List.of()));

        assertThat(content).contains("<td>db/gprd</td><td><span class=\"nature nature-ddl_cleanup\">ddl_cleanup</span></td><td>2</td>"
                + "<td>about 14 min (default)</td><td title=\"peak hours: load 0.9\">WAIT_UNTIL Tue 2026-12-01 22:00 UTC</td>");
        assertThat(content).contains("<section id=\"rollback\"><h2>Rollback line</h2><p>gprd runs <code>16.7.202311090620-66b715d55af.ca354d0ad6c</code>");
    }

    @Test
    void runs_over_time_are_bars_oldest_first_coloured_by_outcome_with_the_last_ones_listed() {
        List<RunRecord> runs = List.of(run(3, RunState.REFUSED, "root", "refused: nothing to run", Duration.ZERO),
                run(2, RunState.FAILED, "root", "", Duration.ZERO),
                run(1, RunState.SUCCEEDED, "root", "succeeded", Duration.ofSeconds(33)));

        String content = DashboardPage.content(view(Optional.empty(), runs));

        assertThat(content).contains("<svg class=\"chart\"", "3 runs over time");
        assertThat(content.indexOf("<g class=\"bar succeeded\">")).isLessThan(content.indexOf("<g class=\"bar failed\">"));
        assertThat(content.indexOf("<g class=\"bar failed\">")).isLessThan(content.indexOf("<g class=\"bar stopped\">"));
        assertThat(content).contains("<tr class=\"run succeeded\"><td>#1</td><td>succeeded</td>", "<td>33s</td>");
        // a failed run is active: its bar grows with the time since it started
        assertThat(content).contains("run #2 failed, 2h 00m, started by root");
    }

    @Test
    void a_failed_active_run_shows_its_step_and_why() {
        RunRecord failed = run(4, RunState.FAILED, "root", "db/gstg pipeline 3 failed: PG::QueryCanceled", Duration.ZERO);
        DashboardView base = view(Optional.empty(), List.of(failed));
        DashboardView withActive = new DashboardView(base.at(), base.world(), base.counts(), base.pending(), base.windows(),
                base.rollbackLine(), Optional.of(new DashboardView.ActiveRun(failed, "gstg")), base.runs(), base.triage(), base.problems());

        String content = DashboardPage.content(withActive);

        assertThat(content).contains("<p class=\"run failed\">run #4 failed, started by root at 2026-12-01 08:00 UTC — at step gstg:"
                + " db/gstg pipeline 3 failed: PG::QueryCanceled</p>");
    }

    @Test
    void the_version_changes_with_the_content_and_only_with_it() {
        String a = DashboardPage.content(view(Optional.empty(), List.of()));
        String b = DashboardPage.content(view(Optional.empty(), List.of(run(1, RunState.SUCCEEDED, "root", "", Duration.ofSeconds(5)))));

        assertThat(DashboardPage.version(a)).isEqualTo(DashboardPage.version(a)).isNotEqualTo(DashboardPage.version(b)).hasSize(16);
    }
}
