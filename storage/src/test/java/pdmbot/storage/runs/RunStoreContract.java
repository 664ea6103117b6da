package pdmbot.storage.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.storage.Database;
import pdmbot.storage.testing.Race;
import pdmbot.storage.testing.StoreContract;

/** What every RunStore does, on H2 and on PostgreSQL. */
abstract class RunStoreContract extends StoreContract {

    private static final List<StepSpec> STEPS = List.of(new StepSpec("lock", "lock", ""),
            new StepSpec("gstg", "migrations", "gstg"), new StepSpec("gprd", "migrations", "gprd"));

    private RunStore runs() {
        return JdbcRunStore.on(database.dataSource(), clock);
    }

    @BeforeEach
    void emptyTheRunTables() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("run_scope_migrations", "run_scopes", "run_attempts", "side_effects", "run_migrations", "run_steps", "pdm_runs")) s.executeUpdate("DELETE FROM " + table);
        }
    }

    private RunRecord started() {
        StartOutcome outcome = runs().start("alice", "all checks passed", STEPS, "instance-a");
        assertThat(outcome).isInstanceOf(StartOutcome.Started.class);
        return ((StartOutcome.Started) outcome).run();
    }

    @Test
    void a_started_run_is_active_with_its_steps_pending() {
        RunRecord run = started();

        assertThat(run.state()).isEqualTo(RunState.RUNNING);
        assertThat(run.startedAt()).isEqualTo(START);
        assertThat(runs().active()).contains(run);
        assertThat(runs().steps(run.id())).extracting(StepRecord::name).containsExactlyElementsOf(STEPS.stream().map(StepSpec::id).toList());
        assertThat(runs().steps(run.id())).extracting(StepRecord::state).containsOnly(StepState.PENDING);
    }

    @Test
    void a_second_run_is_refused_while_one_is_active_and_names_it() {
        RunRecord first = started();

        StartOutcome second = runs().start("bob", "ok", STEPS, "instance-b");

        assertThat(second).isEqualTo(new StartOutcome.AlreadyActive(first));
        assertThat(runs().recent(10)).hasSize(1);
    }

    @Test
    void a_failed_run_stays_active_and_a_finished_one_frees_the_slot() {
        RunRecord run = started();
        runs().stepStarted(run.id(), 1);
        runs().stepFailed(run.id(), 1, "boom");

        assertThat(runs().active()).map(RunRecord::state).contains(RunState.FAILED);
        assertThat(runs().start("bob", "ok", STEPS, "b")).isInstanceOf(StartOutcome.AlreadyActive.class);

        runs().finish(run.id(), "done");
        assertThat(runs().active()).isEmpty();
        assertThat(runs().start("bob", "ok", STEPS, "b")).isInstanceOf(StartOutcome.Started.class);
    }

    @Test
    void stopped_runs_are_history_only() {
        RunRecord cancelled = runs().recordStopped("alice", "staging deploy", RunState.CANCELLED, "cancelled");

        assertThat(cancelled.isActive()).isFalse();
        assertThat(runs().active()).isEmpty();
        assertThat(runs().recent(5)).containsExactly(cancelled);
    }

    @Test
    void each_start_of_a_step_counts_an_attempt_and_keeps_its_times() {
        RunRecord run = started();
        assertThat(runs().stepStarted(run.id(), 2)).isEqualTo(1);
        clock.advance(Duration.ofMinutes(3));
        runs().stepFailed(run.id(), 2, "migration failed");
        assertThat(runs().stepStarted(run.id(), 2)).isEqualTo(2);
        runs().stepSucceeded(run.id(), 2, "2 migrations");

        StepRecord step = runs().steps(run.id()).get(1);
        assertThat(step.state()).isEqualTo(StepState.SUCCEEDED);
        assertThat(step.attempt()).isEqualTo(2);
        assertThat(step.outcome()).isEqualTo("2 migrations");
        assertThat(step.finishedAt()).isEqualTo(START.plus(Duration.ofMinutes(3)));
    }

    @Test
    void a_step_found_running_goes_on_in_the_same_attempt_from_its_first_start() {
        RunRecord run = started();
        assertThat(runs().stepStarted(run.id(), 2)).isEqualTo(1);
        clock.advance(Duration.ofMinutes(3));

        assertThat(runs().stepStarted(run.id(), 2)).isEqualTo(1);
        assertThat(runs().steps(run.id()).get(1).startedAt()).isEqualTo(START);
    }

    @Test
    void a_side_effect_is_claimed_once_and_remembers_its_result() {
        RunRecord run = started();

        assertThat(runs().claim(run.id(), "gstg/deployment/canonical")).isInstanceOf(EffectClaim.Claimed.class);
        assertThat(runs().claim(run.id(), "gstg/deployment/canonical")).isInstanceOf(EffectClaim.Unfinished.class);
        runs().effectDone(run.id(), "gstg/deployment/canonical", "deployment 17");

        assertThat(runs().claim(run.id(), "gstg/deployment/canonical")).isEqualTo(new EffectClaim.AlreadyDone("deployment 17"));
        assertThat(runs().effects(run.id())).singleElement().satisfies(e -> assertThat(e.isDone()).isTrue());
    }

    @Test
    void a_released_claim_can_be_claimed_again() {
        RunRecord run = started();
        runs().claim(run.id(), "note");
        runs().releaseClaim(run.id(), "note");

        assertThat(runs().claim(run.id(), "note")).isInstanceOf(EffectClaim.Claimed.class);
    }

    @Test
    void executed_migrations_are_recorded_once_and_found_by_environment_database_and_version() {
        RunRecord run = started();
        runs().recordExecuted(run.id(), Environment.GSTG, LogicalDatabase.MAIN, "20231102093000", "add_index");
        runs().recordExecuted(run.id(), Environment.GSTG, LogicalDatabase.MAIN, "20231102093000", "add_index");
        runs().recordExecuted(run.id(), Environment.GSTG, LogicalDatabase.CI, "20231102093000", "add_index");

        assertThat(runs().executed(run.id())).hasSize(2);
        assertThat(runs().runThatExecuted(Environment.GSTG, LogicalDatabase.CI, "20231102093000"))
                .map(ExecutedMigration::runId).contains(run.id());
        assertThat(runs().runThatExecuted(Environment.GPRD, LogicalDatabase.CI, "20231102093000")).isEmpty();
    }

    @Test
    void a_running_run_is_taken_over_only_when_its_heartbeat_is_stale() {
        RunRecord run = started();

        assertThat(runs().takeOver(run.id(), "instance-b", START.minus(Duration.ofMinutes(2)))).isFalse();
        clock.advance(Duration.ofMinutes(5));
        assertThat(runs().takeOver(run.id(), "instance-b", clock.instant().minus(Duration.ofMinutes(2)))).isTrue();

        assertThat(runs().run(run.id())).map(RunRecord::owner).contains("instance-b");
        assertThat(runs().heartbeat(run.id(), "instance-a")).isFalse();
        assertThat(runs().heartbeat(run.id(), "instance-b")).isTrue();
    }

    @Test
    void a_failed_run_can_be_taken_over_at_once() {
        RunRecord run = started();
        runs().stepFailed(run.id(), 1, "boom");

        assertThat(runs().takeOver(run.id(), "instance-b", START.minus(Duration.ofHours(1)))).isTrue();
        assertThat(runs().run(run.id())).map(RunRecord::state).contains(RunState.RUNNING);
    }

    @Test
    void two_instances_starting_a_run_at_once_start_exactly_one() throws Exception {
        try (Database other = anotherInstance()) {
            RunStore mine = runs();
            RunStore theirs = JdbcRunStore.on(other.dataSource(), clock);
            for (int round = 0; round < 5; round++) {
                List<StartOutcome> outcomes = Race.run(
                        () -> mine.start("alice", "ok", STEPS, "a"),
                        () -> theirs.start("bob", "ok", STEPS, "b"));

                assertThat(outcomes).filteredOn(o -> o instanceof StartOutcome.Started).hasSize(1);
                RunRecord winner = outcomes.stream().filter(o -> o instanceof StartOutcome.Started)
                        .map(o -> ((StartOutcome.Started) o).run()).findFirst().orElseThrow();
                assertThat(outcomes).filteredOn(o -> o instanceof StartOutcome.AlreadyActive)
                        .singleElement().isEqualTo(new StartOutcome.AlreadyActive(winner));
                mine.finish(winner.id(), "done");
            }
        }
    }

    @Test
    void two_instances_claiming_one_side_effect_at_once_get_one_claim() throws Exception {
        RunRecord run = started();
        try (Database other = anotherInstance()) {
            RunStore theirs = JdbcRunStore.on(other.dataSource(), clock);
            for (int round = 0; round < 5; round++) {
                String key = "effect-" + round;
                List<EffectClaim> claims = Race.run(() -> runs().claim(run.id(), key), () -> theirs.claim(run.id(), key));
                assertThat(claims).filteredOn(c -> c instanceof EffectClaim.Claimed).hasSize(1);
            }
        }
    }

    @Test
    void a_step_keeps_its_kind_and_target_with_the_run() {
        RunRecord run = started();

        assertThat(runs().steps(run.id())).extracting(StepRecord::name, StepRecord::kind, StepRecord::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lock", "lock", ""),
                        org.assertj.core.groups.Tuple.tuple("gstg", "migrations", "gstg"),
                        org.assertj.core.groups.Tuple.tuple("gprd", "migrations", "gprd"));
    }

    @Test
    void a_run_keeps_every_attempt_with_who_made_it_its_checks_and_how_it_ended() {
        RunRecord run = started();
        runs().stepStarted(run.id(), 2);
        runs().stepFailed(run.id(), 2, "migration failed");
        clock.advance(Duration.ofMinutes(10));
        int refused = runs().recordStoppedAttempt(run.id(), "bob", "gstg", "FAIL — incidents: severity 1",
                AttemptState.REFUSED, "refused: incident");
        runs().takeOver(run.id(), "instance-b", START);
        int retried = runs().beginAttempt(run.id(), "carol", "gstg", "pass — incidents: none");
        runs().finish(run.id(), "succeeded");

        assertThat(List.of(refused, retried)).containsExactly(2, 3);
        assertThat(runs().attempts(run.id())).extracting(RunAttempt::number, RunAttempt::startedBy, RunAttempt::state,
                        RunAttempt::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "alice", AttemptState.FAILED, "migration failed"),
                        org.assertj.core.groups.Tuple.tuple(2, "bob", AttemptState.REFUSED, "refused: incident"),
                        org.assertj.core.groups.Tuple.tuple(3, "carol", AttemptState.SUCCEEDED, "succeeded"));
        assertThat(runs().attempts(run.id()).get(0).checks()).isEqualTo("all checks passed");
        assertThat(runs().attempts(run.id()).get(2).startedAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
    }

    @Test
    void a_new_attempt_marks_one_left_running_interrupted_and_keeps_checks_made_later() {
        RunRecord run = started();
        int resumed = runs().beginAttempt(run.id(), "instance-a (resumed after a stop)", "gstg", "");
        runs().attemptChecked(run.id(), resumed, "pass — incidents: none");

        assertThat(runs().attempts(run.id())).extracting(RunAttempt::state)
                .containsExactly(AttemptState.INTERRUPTED, AttemptState.RUNNING);
        assertThat(runs().attempts(run.id()).get(1).checks()).isEqualTo("pass — incidents: none");
    }

    @Test
    void a_run_handed_over_by_its_owner_is_taken_over_at_once_by_another_instance() {
        RunRecord run = started();

        assertThat(runs().release(run.id(), "instance-b")).as("not its own").isFalse();
        assertThat(runs().release(run.id(), "instance-a")).isTrue();

        assertThat(runs().run(run.id())).map(RunRecord::owner).isEmpty();
        assertThat(runs().heartbeat(run.id(), "instance-a")).isFalse();
        assertThat(runs().takeOver(run.id(), "instance-b", START.minus(Duration.ofHours(1)))).isTrue();
    }

    private static final RunScope SIDEKIQ_ONLY = new RunScope("sidekiq_only", List.of(
            new RunScope.Entry(Environment.GSTG, LogicalDatabase.MAIN, "20231106180117"),
            new RunScope.Entry(Environment.GPRD, LogicalDatabase.MAIN, "20231106180117"),
            new RunScope.Entry(Environment.GPRD, LogicalDatabase.CI, "20231107035713")));

    @Test
    void a_run_of_a_subset_keeps_its_scope_and_a_whole_run_has_none() {
        StartOutcome outcome = runs().start("alice", "ok", STEPS, "instance-a", Optional.of(SIDEKIQ_ONLY));
        RunRecord subset = ((StartOutcome.Started) outcome).run();

        RunScope read = runs().scope(subset.id()).orElseThrow();
        assertThat(read.only()).isEqualTo("sidekiq_only");
        assertThat(read.entries()).containsExactlyInAnyOrderElementsOf(SIDEKIQ_ONLY.entries());
        assertThat(read.versionsOn(Environment.GPRD)).containsExactly("20231106180117", "20231107035713");
        assertThat(read.includes(Environment.GSTG, LogicalDatabase.CI, "20231106180117")).isFalse();
        runs().finish(subset.id(), "succeeded");
        RunRecord whole = started();
        assertThat(runs().scope(whole.id())).isEmpty();
    }

    @Test
    void a_run_refused_the_slot_leaves_no_scope_behind() {
        RunRecord first = started();

        StartOutcome second = runs().start("bob", "ok", STEPS, "instance-b", Optional.of(SIDEKIQ_ONLY));

        assertThat(second).isEqualTo(new StartOutcome.AlreadyActive(first));
        assertThat(runs().scope(first.id())).isEmpty();
        assertThat(count("run_scopes") + count("run_scope_migrations")).isZero();
    }

    @Test
    void what_subset_runs_executed_is_found_per_environment_and_database_and_whole_runs_are_left_out() {
        RunRecord whole = started();
        runs().recordExecuted(whole.id(), Environment.GPRD, LogicalDatabase.MAIN, "20231102093000", "add_index");
        runs().finish(whole.id(), "succeeded");
        RunRecord subset = ((StartOutcome.Started) runs().start("alice", "ok", STEPS, "instance-a", Optional.of(SIDEKIQ_ONLY))).run();
        runs().recordExecuted(subset.id(), Environment.GPRD, LogicalDatabase.MAIN, "20231106180117", "prepare_async_index");
        runs().recordExecuted(subset.id(), Environment.GPRD, LogicalDatabase.CI, "20231107035713", "queue_backfill");

        assertThat(runs().executedBySubsets(Environment.GPRD, LogicalDatabase.MAIN)).extracting(ExecutedMigration::version)
                .containsExactly("20231106180117");
        assertThat(runs().executedBySubsets(Environment.GPRD, LogicalDatabase.CI)).extracting(ExecutedMigration::runId)
                .containsExactly(subset.id());
        assertThat(runs().executedBySubsets(Environment.GSTG, LogicalDatabase.MAIN)).isEmpty();
    }

    private long count(String table) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
