package pdmbot.rules.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pdmbot.rules.decide.DecisionFacts.ChangeLockAhead;
import pdmbot.rules.decide.DecisionFacts.ChangeLockInForce;
import pdmbot.rules.decide.DecisionFacts.ChangeRequest;
import pdmbot.rules.decide.DecisionFacts.Chosen;
import pdmbot.rules.decide.DecisionFacts.DeployExpected;
import pdmbot.rules.decide.DecisionFacts.DeployRunning;
import pdmbot.rules.decide.DecisionFacts.EnvironmentLocked;
import pdmbot.rules.decide.DecisionFacts.Finalizes;
import pdmbot.rules.decide.DecisionFacts.Group;
import pdmbot.rules.decide.DecisionFacts.Health;
import pdmbot.rules.decide.DecisionFacts.Incident;
import pdmbot.rules.decide.DecisionFacts.Moment;
import pdmbot.rules.decide.DecisionFacts.PendingOnTable;
import pdmbot.rules.decide.DecisionFacts.Policy;
import pdmbot.rules.decide.DecisionFacts.Rollback;
import pdmbot.rules.decide.DecisionFacts.Selected;
import pdmbot.rules.decide.DecisionFacts.Thresholds;
import pdmbot.rules.decide.DecisionFacts.Traffic;
import pdmbot.rules.decide.DecisionFacts.UnfinishedBackgroundMigration;
import pdmbot.rules.decide.DecisionFacts.UnknownBackgroundMigration;

/** One test per rule of decisions.drl: the facts that make it fire and the reason it gives. */
class RunDecisionsTest {

    private static final Instant T = Instant.parse("2026-12-01T13:00:00Z");
    private static final Moment TUESDAY_PEAK = new Moment(T, "UTC", "Tuesday", 14, false, "");
    private static final Moment SATURDAY_NIGHT = new Moment(T, "UTC", "Saturday", 3, true, "");
    private static final Moment CHRISTMAS = new Moment(T, "UTC", "Friday", 14, false, "Christmas Day");
    private static final Traffic PEAK = new Traffic(0.9, "calendar");
    private static final Traffic LOW = new Traffic(0.2, "calendar");
    private static final Thresholds THRESHOLDS = new Thresholds(0.35, 24 * 60, false);

    private static final Policy SIDEKIQ = new Policy("sidekiq_only", true, true, true, false);
    private static final Policy INDEX = new Policy("large_index_or_fk", false, true, true, true);
    private static final Policy FINALIZE = new Policy("finalize_background", false, false, true, false);

    private static Group group(String environment, String nature, String... tables) {
        return new Group(Group.keyOf(environment, nature), environment, nature, List.of("20231107025611"), Set.of(tables),
                Set.of(), Set.of("main"), 30, "default for " + nature);
    }

    private static final Group SIDEKIQ_GPRD = group("gprd", "sidekiq_only", "issues");
    private static final Group INDEX_GPRD = group("gprd", "large_index_or_fk", "merge_requests");

    private static Decision decide(Group group, Object... facts) {
        List<Object> all = new ArrayList<>(List.of(group, SIDEKIQ, INDEX, FINALIZE, THRESHOLDS));
        all.addAll(Arrays.asList(facts));
        if (all.stream().noneMatch(f -> f instanceof Moment)) all.add(TUESDAY_PEAK);
        if (all.stream().noneMatch(f -> f instanceof Traffic)) all.add(PEAK);
        return RunDecisions.builtIn().evaluate(all).of(group.key()).orElseThrow();
    }

    private static List<String> rules(Decision decision) {
        return decision.reasons().stream().map(DecisionReason::rule).toList();
    }

    private static DecisionReason reason(Decision decision, String rule) {
        return decision.reasons().stream().filter(r -> r.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no reason of rule \"" + rule + "\" in " + decision.reasons()));
    }

    @Test
    void a_nature_allowed_on_working_days_runs_now_at_a_tuesday_peak() {
        Decision decision = decide(SIDEKIQ_GPRD);

        assertThat(decision.kind()).isEqualTo(DecisionKind.RUN_NOW);
        assertThat(decision.rule()).isEqualTo("a group allowed now and held back by nothing runs now");
        assertThat(reason(decision, "a nature allowed on working days may run at any working-day hour").facts())
                .contains("sidekiq_only runs in any working-day hour").contains("Tuesday 14:00 UTC");
    }

    @Test
    void a_nature_allowed_at_weekends_runs_now_on_saturday_night() {
        Decision decision = decide(INDEX_GPRD, SATURDAY_NIGHT);

        assertThat(decision.kind()).isEqualTo(DecisionKind.RUN_NOW);
        assertThat(reason(decision, "a nature allowed at weekends may run at a weekend or on a holiday").facts())
                .contains("Saturday 03:00 UTC");
    }

    @Test
    void a_holiday_counts_as_a_weekend() {
        Decision decision = decide(INDEX_GPRD, CHRISTMAS);

        assertThat(decision.kind()).isEqualTo(DecisionKind.RUN_NOW);
        assertThat(reason(decision, "a nature allowed at weekends may run at a weekend or on a holiday").facts())
                .contains("holiday: Christmas Day");
        assertThat(rules(decision)).doesNotContain("a nature allowed on working days may run at any working-day hour");
    }

    @Test
    void a_nature_allowed_in_low_traffic_runs_now_when_traffic_is_low() {
        Decision decision = decide(INDEX_GPRD, LOW);

        assertThat(decision.kind()).isEqualTo(DecisionKind.RUN_NOW);
        assertThat(reason(decision, "a nature allowed in low traffic may run when traffic is low").facts())
                .contains("traffic 0.20 (calendar) is at or below 0.35");
    }

    @Test
    void a_nature_outside_every_window_waits_saying_when_it_may_run_and_what_now_is() {
        Decision decision = decide(INDEX_GPRD);

        assertThat(decision.kind()).isEqualTo(DecisionKind.WAIT_UNTIL);
        assertThat(decision.rule()).isEqualTo("a group held back and not blocked waits until a window");
        assertThat(reason(decision, "a nature outside every window of its policy waits").facts())
                .isEqualTo("large_index_or_fk runs in weekends and holidays or low traffic, with no deploy expected during its run;"
                        + " it is Tuesday 14:00 UTC, traffic 0.90 (calendar) (low is at or below 0.35)");
    }

    @Test
    void a_nature_without_a_policy_waits_naming_the_setting() {
        Decision decision = decide(group("gstg", "dml_inline", "users"), LOW);

        assertThat(decision.kind()).isEqualTo(DecisionKind.WAIT_UNTIL);
        assertThat(reason(decision, "a nature without a policy waits").facts()).contains("decide.policy");
    }

    @Test
    void a_deploy_expected_during_the_predicted_run_holds_back_a_large_index() {
        DeployExpected deploy = new DeployExpected("gprd", 20, T.plusSeconds(1200), "packages were built at this hour in 3 of 4 weeks");
        Decision decision = decide(INDEX_GPRD, SATURDAY_NIGHT, deploy);

        assertThat(decision.kind()).isEqualTo(DecisionKind.WAIT_UNTIL);
        assertThat(reason(decision, "a deploy expected during the predicted run holds back a nature that needs a deploy gap").facts())
                .contains("predicted 30 min (default for large_index_or_fk)").contains("in 20 min");
    }

    @Test
    void a_deploy_expected_after_the_predicted_run_does_not_hold_it_back() {
        Decision decision = decide(INDEX_GPRD, SATURDAY_NIGHT, new DeployExpected("gprd", 45, T.plusSeconds(2700), "cadence"));

        assertThat(decision.kind()).isEqualTo(DecisionKind.RUN_NOW);
    }

    @Test
    void a_change_lock_starting_during_the_predicted_run_holds_the_group_back() {
        Decision decision = decide(SIDEKIQ_GPRD, new ChangeLockAhead("Holiday freeze", 10, T.plusSeconds(600)));

        assertThat(decision.kind()).isEqualTo(DecisionKind.WAIT_UNTIL);
        assertThat(reason(decision, "a change lock starting during the predicted run holds the group back").facts())
                .contains("change lock \"Holiday freeze\" starts at").contains("in 10 min");
    }

    @Test
    void a_run_cutting_off_rollback_targets_before_the_bake_time_waits() {
        Rollback young = new Rollback("gprd", "16.7.202311090620-66b715d55af.d3f7b0a0e28",
                List.of("16.7.202311081020-aaaaaaaaaaa.bbbbbbbbbbb", "16.7.202311090620-66b715d55af.d3f7b0a0e28"),
                List.of("16.7.202311081020-aaaaaaaaaaa.bbbbbbbbbbb"), 90);
        Decision decision = decide(SIDEKIQ_GPRD, young);

        assertThat(decision.kind()).isEqualTo(DecisionKind.WAIT_UNTIL);
        assertThat(reason(decision, "a run that cuts off rollback targets waits until the package has baked").facts())
                .contains("for 90 min, less than the bake time of 1440 min").contains("cuts off 16.7.202311081020");
    }

    @Test
    void a_baked_package_lets_the_run_cut_off_older_targets() {
        Rollback baked = new Rollback("gprd", "p2", List.of("p1", "p2"), List.of("p1"), 2000);

        assertThat(decide(SIDEKIQ_GPRD, baked).kind()).isEqualTo(DecisionKind.RUN_NOW);
    }

    @Test
    void a_blocking_incident_blocks_every_group() {
        Decision decision = decide(SIDEKIQ_GPRD, new Incident("#1", "Database down", 1, false));

        assertThat(decision.kind()).isEqualTo(DecisionKind.BLOCKED);
        assertThat(decision.rule()).isEqualTo("a group with a blocking reason is BLOCKED");
        assertThat(reason(decision, "a blocking incident blocks every group").facts()).isEqualTo("incident #1 \"Database down\" (severity 1)");
    }

    @Test
    void a_severity_3_incident_does_not_block() {
        assertThat(decide(SIDEKIQ_GPRD, new Incident("#2", "Slow pages", 3, false)).kind()).isEqualTo(DecisionKind.RUN_NOW);
    }

    @Test
    void a_c2_change_in_progress_blocks_every_group() {
        Decision decision = decide(SIDEKIQ_GPRD, new ChangeRequest("#7", "Patroni upgrade", 2, true, false));

        assertThat(decision.kind()).isEqualTo(DecisionKind.BLOCKED);
        assertThat(reason(decision, "a C1 or C2 change in progress blocks every group").facts()).contains("C2, in progress");
    }

    @Test
    void a_change_lock_in_force_blocks_every_group() {
        Decision decision = decide(SIDEKIQ_GPRD, new ChangeLockInForce("Holiday freeze", T.plusSeconds(86400), "end of year"));

        assertThat(decision.kind()).isEqualTo(DecisionKind.BLOCKED);
        assertThat(reason(decision, "a change lock in force blocks every group").facts()).contains("in force until").contains("end of year");
    }

    @Test
    void a_locked_environment_blocks_its_groups_only() {
        EnvironmentLocked lock = new EnvironmentLocked("gprd", "gprd is locked by alice until unlocked");

        assertThat(reason(decide(SIDEKIQ_GPRD, lock), "a locked environment blocks its groups").facts()).contains("alice");
        assertThat(decide(group("gstg", "sidekiq_only"), lock).kind()).isEqualTo(DecisionKind.RUN_NOW);
    }

    @Test
    void a_deployment_running_on_the_environment_blocks_its_groups() {
        Decision decision = decide(SIDEKIQ_GPRD, new DeployRunning("gprd", "a deployment of `p3` is running on gprd-cny"));

        assertThat(decision.kind()).isEqualTo(DecisionKind.BLOCKED);
        assertThat(reason(decision, "a deployment running on the environment blocks its groups").facts()).contains("gprd-cny");
    }

    @Test
    void finalize_background_is_blocked_while_its_batched_background_migration_is_unfinished() {
        Group finalize = group("gprd", "finalize_background", "events");
        Decision decision = decide(finalize, LOW, new Finalizes(finalize.key(), "20231107025611", "BackfillEventsNamespace", "events"),
                new UnfinishedBackgroundMigration("gprd", "main", "BackfillEventsNamespace", "events", "active", "42%"));

        assertThat(decision.kind()).isEqualTo(DecisionKind.BLOCKED);
        assertThat(reason(decision, "finalize_background waits while its batched background migration is unfinished").facts())
                .isEqualTo("20231107025611 finalizes BackfillEventsNamespace; batched background migration BackfillEventsNamespace"
                        + " on events is active on gprd main (42%): finalizing now would run the leftover batches inline");
    }

    @Test
    void finalize_background_whose_batched_background_migration_state_is_unknown_waits_saying_why_issue_12() {
        Group finalize = group("gprd", "finalize_background", "events");
        Decision decision = decide(finalize, LOW, new Finalizes(finalize.key(), "20231107025611", "BackfillEventsNamespace", "events"),
                new UnknownBackgroundMigration("gprd", "main", "BackfillEventsNamespace", "events", "GitLab answered 403 Forbidden"));

        assertThat(decision.kind()).isEqualTo(DecisionKind.BLOCKED);
        assertThat(reason(decision, "finalize_background waits while its batched background migration's state is unknown").facts())
                .isEqualTo("20231107025611 finalizes BackfillEventsNamespace; the state of batched background migration"
                        + " BackfillEventsNamespace on gprd main is unknown (GitLab answered 403 Forbidden): not known to be"
                        + " finished, so it is not finalized now");
    }

    @Test
    void finalize_background_runs_in_low_traffic_once_its_background_migration_is_on_another_database() {
        Group finalize = group("gprd", "finalize_background", "events");
        Decision decision = decide(finalize, LOW, new Finalizes(finalize.key(), "20231107025611", "BackfillEventsNamespace", "events"),
                new UnfinishedBackgroundMigration("gprd", "ci", "BackfillEventsNamespace", "events", "active", ""));

        assertThat(decision.kind()).isEqualTo(DecisionKind.RUN_NOW);
    }

    @Test
    void a_health_signal_at_stop_on_the_groups_table_blocks_it() {
        Decision decision = decide(SIDEKIQ_GPRD, new Health("autovacuum", "issues", "stop", "1 autovacuum worker on issues"));

        assertThat(decision.kind()).isEqualTo(DecisionKind.BLOCKED);
        assertThat(reason(decision, "a health signal at stop on a group's table blocks it").facts())
                .isEqualTo("autovacuum on issues is stop (1 autovacuum worker on issues)");
        assertThat(decide(SIDEKIQ_GPRD, new Health("autovacuum", "users", "stop", "")).kind()).isEqualTo(DecisionKind.RUN_NOW);
    }

    @Test
    void a_database_wide_health_signal_at_stop_blocks_every_group() {
        Decision decision = decide(SIDEKIQ_GPRD, new Health("wal archive queue", "", "stop", "412 segments waiting, stop above 100"));

        assertThat(decision.kind()).isEqualTo(DecisionKind.BLOCKED);
        assertThat(reason(decision, "a database-wide health signal at stop blocks every group").facts()).contains("412 segments");
    }

    @Test
    void an_unknown_health_signal_is_noted_and_never_taken_as_normal() {
        Decision decision = decide(SIDEKIQ_GPRD, new Health("patroni apdex", "", "unknown", "Prometheus did not answer within 2s"));

        assertThat(decision.kind()).isEqualTo(DecisionKind.RUN_NOW);
        assertThat(reason(decision, "an unknown health signal is never taken as normal").facts())
                .isEqualTo("patroni apdex is unknown (Prometheus did not answer within 2s): the decision is made without it");
        assertThat(reason(decision, "an unknown health signal is never taken as normal").effect()).isEqualTo(Effect.NOTE);
    }

    @Test
    void an_unknown_health_signal_blocks_when_configured_so() {
        List<Object> facts = List.of(SIDEKIQ_GPRD, SIDEKIQ, new Thresholds(0.35, 0, true), TUESDAY_PEAK, PEAK,
                new Health("patroni apdex", "", "unknown", "garbage"));
        Decision decision = RunDecisions.builtIn().evaluate(facts).of(SIDEKIQ_GPRD.key()).orElseThrow();

        assertThat(decision.kind()).isEqualTo(DecisionKind.BLOCKED);
        assertThat(reason(decision, "an unknown health signal blocks when configured so").facts()).contains("unknown-blocks");
    }

    @Test
    void a_subset_running_a_migration_before_an_earlier_pending_one_on_the_same_table_is_refused_naming_both() {
        DecisionReport report = RunDecisions.builtIn().evaluate(List.of(
                new PendingOnTable("gprd", "20231101000000", "issues"), new PendingOnTable("gprd", "20231102000000", "issues"),
                new PendingOnTable("gprd", "20231103000000", "users"),
                new Selected("gprd", "20231102000000", "issues"), new Chosen("gprd", "20231102000000"),
                new Selected("gprd", "20231103000000", "users"), new Chosen("gprd", "20231103000000")));

        assertThat(report.refusals()).containsExactly(new SubsetRefusal("gprd", "20231102000000", "20231101000000", "issues",
                "a subset may not run a migration before an earlier pending one on the same table"));
    }

    @Test
    void a_subset_that_also_chooses_the_earlier_migration_is_accepted() {
        DecisionReport report = RunDecisions.builtIn().evaluate(List.of(
                new PendingOnTable("gprd", "20231101000000", "issues"), new PendingOnTable("gprd", "20231102000000", "issues"),
                new Selected("gprd", "20231101000000", "issues"), new Chosen("gprd", "20231101000000"),
                new Selected("gprd", "20231102000000", "issues"), new Chosen("gprd", "20231102000000")));

        assertThat(report.refusals()).isEmpty();
    }

    @Test
    void a_blocked_group_lists_its_blockers_first() {
        Decision decision = decide(INDEX_GPRD, new Incident("#1", "Down", 2, false));

        assertThat(decision.kind()).isEqualTo(DecisionKind.BLOCKED);
        assertThat(decision.reasons().get(0).effect()).isEqualTo(Effect.BLOCK);
        assertThat(decision.deciding()).extracting(DecisionReason::rule).containsExactly("a blocking incident blocks every group");
    }

    @Test
    void decisions_that_do_not_compile_name_the_line() {
        assertThatThrownBy(() -> RunDecisions.compile("package x;\nrule \"oops\" when then end\nrule"))
                .isInstanceOf(UnableToCompileDecisionsException.class).hasMessageContaining("line");
    }
}
