package pdmbot.rules.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pdmbot.rules.checks.CheckFacts.Deploying;
import pdmbot.rules.checks.CheckFacts.HeldLock;
import pdmbot.rules.checks.CheckFacts.OpenChangeRequest;
import pdmbot.rules.checks.CheckFacts.OpenIncident;
import pdmbot.rules.checks.CheckFacts.PendingWork;
import pdmbot.rules.checks.CheckFacts.ProductionChangeLock;

/** One test per rule of checks.drl. */
class ProductionChecksTest {

    private static final Instant T = Instant.parse("2026-11-25T09:30:00Z");
    private static final PendingWork PENDING = new PendingWork("gstg", "main", "20231102093000");
    private static ProductionChecks checks;

    @BeforeAll
    static void compile() {
        checks = ProductionChecks.builtIn();
    }

    private static CheckReport evaluate(Object... facts) {
        return checks.evaluate(List.of(facts));
    }

    private static CheckOutcome only(CheckReport report, String check) {
        List<CheckOutcome> of = report.outcomes().stream().filter(o -> o.check().equals(check)).toList();
        assertThat(of).hasSize(1);
        return of.get(0);
    }

    @Test
    void with_something_pending_and_nothing_else_every_check_passes() {
        CheckReport report = evaluate(PENDING);

        assertThat(report.verdict()).isEqualTo(Verdict.PASS);
        assertThat(report.outcomes()).extracting(CheckOutcome::check).containsExactlyElementsOf(CheckReport.CHECKS);
        assertThat(only(report, "pending migrations").reason()).isEqualTo("1 pending (environment, database, migration) entry");
    }

    @Test
    void nothing_pending_fails_the_run_saying_nothing_to_run() {
        CheckOutcome outcome = only(evaluate(), "pending migrations");

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(outcome.reason()).startsWith("nothing to run");
        assertThat(outcome.rule()).isEqualTo("nothing pending fails the run: nothing to run");
    }

    @Test
    void nothing_pending_lets_a_resumed_run_finish_the_steps_it_has_left() {
        CheckOutcome outcome = only(evaluate(new CheckFacts.ResumedRun(7)), "pending migrations");

        assertThat(outcome.verdict()).isEqualTo(Verdict.PASS);
        assertThat(outcome.reason()).isEqualTo("nothing is pending: the resumed run goes on to finish the steps it has left");
        assertThat(outcome.rule()).isEqualTo("nothing pending lets a resumed run finish what it started");
    }

    @Test
    void no_environment_lock_passes_naming_the_run_s_targets_or_gitlab_com_s_two_when_none_are_given() {
        CheckOutcome configured = only(evaluate(PENDING, new CheckFacts.RunTargets("gstg, cells-ring-0 and gprd")),
                "environment locks");
        CheckOutcome unsaid = only(evaluate(PENDING), "environment locks");

        assertThat(configured.verdict()).isEqualTo(Verdict.PASS);
        assertThat(configured.reason()).isEqualTo("gstg, cells-ring-0 and gprd are not locked");
        assertThat(configured.rule()).isEqualTo("no environment lock passes");
        assertThat(unsaid.reason()).isEqualTo("gstg and gprd are not locked");
    }

    @Test
    void a_resumed_run_holding_only_its_own_locks_passes_saying_so() {
        CheckOutcome outcome = only(evaluate(PENDING, new CheckFacts.ResumedRun(7)), "environment locks");

        assertThat(outcome.verdict()).isEqualTo(Verdict.PASS);
        assertThat(outcome.reason()).isEqualTo("no lock but the resumed run's own");
        assertThat(outcome.rule()).isEqualTo("a resumed run holding only its own locks passes");
    }

    @Test
    void a_resumed_run_with_pending_work_counts_it_like_a_new_run() {
        CheckOutcome outcome = only(evaluate(PENDING, new CheckFacts.ResumedRun(7)), "pending migrations");

        assertThat(outcome.verdict()).isEqualTo(Verdict.PASS);
        assertThat(outcome.reason()).isEqualTo("1 pending (environment, database, migration) entry");
    }

    @Test
    void a_staging_deployment_cancels_the_run_and_names_package_pipeline_and_start() {
        CheckReport report = evaluate(PENDING, new Deploying("gstg-cny", true, "16.6.202311011200-abc", "#4242", T));

        assertThat(report.verdict()).isEqualTo(Verdict.CANCEL);
        assertThat(only(report, "staging deployments").reason())
                .isEqualTo("a deployment of `16.6.202311011200-abc` is running on gstg-cny (pipeline #4242, started at 2026-11-25 09:30 UTC)");
    }

    @Test
    void a_deployment_without_a_pipeline_is_named_as_the_deployment_it_is_not_as_a_pipeline() {
        // release-tools records deployments through the API: GitLab answers "deployable": null (gitlab-facts.md §2)
        CheckReport report = evaluate(PENDING, new Deploying("gstg", true, "16.6.202311011200-abc", "deployment 1678", T));

        assertThat(only(report, "staging deployments").reason())
                .isEqualTo("a deployment of `16.6.202311011200-abc` is running on gstg (deployment 1678, started at 2026-11-25 09:30 UTC)");
    }

    @Test
    void a_production_deployment_fails_the_run_and_wins_over_a_cancel() {
        CheckReport report = evaluate(PENDING, new Deploying("gprd", false, "16.6.1", "#7", T),
                new Deploying("gstg", true, "16.6.2", "#8", T));

        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(only(report, "production deployments").reason()).contains("16.6.1", "#7", "gprd");
    }

    @Test
    void an_incident_of_severity_1_or_2_fails_the_run() {
        CheckOutcome outcome = only(evaluate(PENDING, new OpenIncident("#501", "API errors", 2, false)), "incidents");

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(outcome.reason()).isEqualTo("incident #501 \"API errors\" (severity 2) is active");
    }

    @Test
    void an_incident_blocking_deployments_fails_the_run_whatever_its_severity() {
        CheckOutcome outcome = only(evaluate(PENDING, new OpenIncident("#502", "Slow CI", 4, true)), "incidents");

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(outcome.rule()).isEqualTo("an incident blocking deployments fails the run");
    }

    @Test
    void an_incident_of_severity_3_or_4_is_a_warning() {
        CheckReport report = evaluate(PENDING, new OpenIncident("#503", "Flaky page", 3, false));

        assertThat(report.verdict()).isEqualTo(Verdict.WARN);
        assertThat(only(report, "incidents").verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void a_c1_or_c2_change_request_in_progress_fails_the_run() {
        CheckOutcome outcome = only(evaluate(PENDING, new OpenChangeRequest("#9001", "Failover", 1, true, false)), "change requests");

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(outcome.reason()).isEqualTo("change request #9001 \"Failover\" (C1, in progress)");
    }

    @Test
    void a_change_request_labelled_blocking_fails_the_run() {
        CheckOutcome outcome = only(evaluate(PENDING, new OpenChangeRequest("#9002", "Resize", 4, false, true)), "change requests");

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(outcome.rule()).isEqualTo("a change request blocking deployments fails the run");
    }

    @Test
    void a_c3_or_c4_change_request_in_progress_is_a_warning() {
        CheckOutcome outcome = only(evaluate(PENDING, new OpenChangeRequest("#9003", "Rotate", 3, true, false)), "change requests");

        assertThat(outcome.verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void a_production_change_lock_fails_the_run_and_says_until_when() {
        CheckOutcome outcome = only(evaluate(PENDING, new ProductionChangeLock("Year-end freeze", "holidays",
                Instant.parse("2027-01-04T08:00:00Z"))), "change lock");

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(outcome.reason()).isEqualTo("production change lock \"Year-end freeze\" is in force until 2027-01-04 08:00 UTC (holidays)");
    }

    @Test
    void a_locked_environment_fails_the_run_naming_who_why_and_until_when() {
        CheckReport report = evaluate(PENDING, new HeldLock("gprd", "alice", "database maintenance", null),
                new HeldLock("gstg", "bob", "", T));

        assertThat(report.withVerdict(Verdict.FAIL)).extracting(CheckOutcome::reason).containsExactly(
                "gprd is locked by alice (database maintenance) until unlocked",
                "gstg is locked by bob until 2026-11-25 09:30 UTC");
    }

    @Test
    void drl_that_does_not_compile_is_refused_with_its_line() {
        assertThatThrownBy(() -> ProductionChecks.compile("package x;\nrule \"oops\" when then end end"))
                .isInstanceOf(UnableToCompileChecksException.class).hasMessageContaining("line");
    }
}
