package pdmbot.rules.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pdmbot.rules.checks.CheckFacts.Deploying;
import pdmbot.rules.checks.CheckFacts.HeldLock;
import pdmbot.rules.checks.CheckFacts.OpenChangeRequest;
import pdmbot.rules.checks.CheckFacts.OpenIncident;
import pdmbot.rules.checks.CheckFacts.ProductionChangeLock;
import pdmbot.rules.promotion.PromotionFacts.ActiveRun;
import pdmbot.rules.promotion.PromotionFacts.Ancestry;
import pdmbot.rules.promotion.PromotionFacts.Candidate;
import pdmbot.rules.promotion.PromotionFacts.OverrideRequest;
import pdmbot.rules.promotion.PromotionFacts.ReachedPrevious;
import pdmbot.rules.promotion.PromotionFacts.RollbackRequest;
import pdmbot.rules.promotion.PromotionFacts.Target;

/** One test per rule of promotion.drl, each naming the rule it shows (issue 16). */
class PromotionRulesTest {

    private static final String PROD = "b".repeat(40);
    private static final String CAND = "c".repeat(40);
    private static final Instant T = Instant.parse("2026-12-01T09:30:00Z");
    private static final Target GPRD = new Target("gprd", "gprd-cny", true);
    private static final Target GSTG = new Target("gstg", "gstg-cny", false);
    private static final Candidate CANDIDATE = new Candidate("16.7.202311100920-cf930cc2066.81dd8dfc3a8", CAND);
    private static final ReachedPrevious REACHED = new ReachedPrevious("gprd-cny");
    private static final Ancestry DESCENDS = new Ancestry("gprd", PROD, PROD);
    private static final Ancestry DIVERGED = new Ancestry("gprd", PROD, "d".repeat(40));
    private static final OverrideRequest OVERRIDE = new OverrideRequest("incident 4711 needs the fix", "alice");

    private static PromotionReport evaluate(Object... facts) {
        return PromotionRules.builtIn().evaluate(List.of(facts));
    }

    /** A production promotion that passes every guard, plus the facts given. */
    private static PromotionReport production(Object... more) {
        List<Object> facts = new ArrayList<>(List.of(GPRD, CANDIDATE, REACHED, DESCENDS));
        facts.addAll(List.of(more));
        return PromotionRules.builtIn().evaluate(facts);
    }

    private static GuardOutcome only(PromotionReport report, String guard) {
        assertThat(report.of(guard)).hasSize(1);
        return report.of(guard).get(0);
    }

    @Test
    void a_descendant_that_reached_the_canary_passes_every_guard_of_production() {
        PromotionReport report = production();

        assertThat(report.allowsThePromotion()).isTrue();
        assertThat(report.outcomes()).extracting(GuardOutcome::guard).containsExactly("order",
                "descendant of production", "pdm run", "environment lock", "deployments", "incidents", "change requests",
                "change lock");
    }

    @Test
    void a_candidate_that_has_not_reached_the_environment_before_is_refused() {
        GuardOutcome order = only(evaluate(GPRD, CANDIDATE, DESCENDS), "order");

        assertThat(order.verdict()).isEqualTo(GuardVerdict.REFUSE);
        assertThat(order.reason()).contains("has not reached gprd-cny", "deploy it to gprd-cny first");
        assertThat(order.rule()).isEqualTo("a candidate goes to an environment only after it reached the one before it");
    }

    @Test
    void a_candidate_that_reached_the_environment_before_goes_on() {
        GuardOutcome order = only(production(), "order");

        assertThat(order.verdict()).isEqualTo(GuardVerdict.PASS);
        assertThat(order.rule()).isEqualTo("a candidate that reached the environment before goes on");
    }

    @Test
    void the_first_environment_of_the_chain_takes_any_candidate() {
        GuardOutcome order = only(evaluate(new Target("gstg-cny", "", false), CANDIDATE), "order");

        assertThat(order.verdict()).isEqualTo(GuardVerdict.PASS);
        assertThat(order.rule()).isEqualTo("the first environment of the chain takes any candidate");
    }

    @Test
    void a_rollback_does_not_follow_the_order() {
        GuardOutcome order = only(evaluate(GPRD, CANDIDATE, DIVERGED, new RollbackRequest("16.7.x", true)), "order");

        assertThat(order.verdict()).isEqualTo(GuardVerdict.PASS);
        assertThat(order.rule()).isEqualTo("a rollback goes back without following the order");
    }

    @Test
    void production_refuses_a_candidate_that_does_not_descend_from_what_it_runs() {
        GuardOutcome descent = only(evaluate(GPRD, CANDIDATE, REACHED, DIVERGED), "descendant of production");

        assertThat(descent.verdict()).isEqualTo(GuardVerdict.REFUSE);
        assertThat(descent.reason()).contains(CAND, PROD, "what gprd runs now", "merge base is " + "d".repeat(40));
        assertThat(descent.rule()).isEqualTo("production refuses a candidate that does not descend from what it runs");
    }

    @Test
    void a_candidate_sharing_no_history_with_production_is_refused_and_says_so() {
        GuardOutcome descent = only(evaluate(GPRD, CANDIDATE, REACHED, new Ancestry("gprd", PROD, "")),
                "descendant of production");

        assertThat(descent.verdict()).isEqualTo(GuardVerdict.REFUSE);
        assertThat(descent.reason()).contains("they share no history");
    }

    @Test
    void a_candidate_that_descends_from_production_goes_on() {
        GuardOutcome descent = only(production(), "descendant of production");

        assertThat(descent.verdict()).isEqualTo(GuardVerdict.PASS);
        assertThat(descent.rule()).isEqualTo("a candidate that descends from production goes on");
    }

    @Test
    void the_override_never_lifts_the_descendant_guard() {
        GuardOutcome descent = only(evaluate(GPRD, CANDIDATE, REACHED, DIVERGED, OVERRIDE), "descendant of production");

        assertThat(descent.verdict()).isEqualTo(GuardVerdict.REFUSE);
        assertThat(descent.reason()).endsWith("(--ignore-production-checks does not lift this guard)");
        assertThat(descent.rule()).isEqualTo("production refuses a candidate that does not descend from what it runs");
    }

    @Test
    void a_rollback_at_or_after_the_rollback_line_may_go_back_behind_production() {
        PromotionReport report = evaluate(GPRD, CANDIDATE, DIVERGED, new RollbackRequest("16.7.line", true));

        assertThat(report.allowsThePromotion()).isTrue();
        GuardOutcome descent = only(report, "descendant of production");
        assertThat(descent.rule()).isEqualTo("a rollback at or after the rollback line may go back behind production");
        assertThat(descent.reason()).contains("`16.7.line`", "the one legitimate backwards move");
    }

    @Test
    void a_rollback_behind_the_rollback_line_is_refused_even_with_the_override() {
        PromotionReport report = evaluate(GPRD, CANDIDATE, DIVERGED, new RollbackRequest("16.7.line", false), OVERRIDE);

        GuardOutcome line = only(report, "rollback line");
        assertThat(line.verdict()).isEqualTo(GuardVerdict.REFUSE);
        assertThat(line.reason()).contains("older than the rollback line `16.7.line`");
        assertThat(line.rule()).isEqualTo("a rollback behind the rollback line is refused");
        assertThat(only(report, "descendant of production").verdict()).isEqualTo(GuardVerdict.REFUSE);
    }

    @Test
    void a_rollback_without_a_known_rollback_line_is_refused_and_says_why() {
        GuardOutcome line = only(evaluate(GPRD, CANDIDATE, DIVERGED, new RollbackRequest("", false)), "rollback line");

        assertThat(line.verdict()).isEqualTo(GuardVerdict.REFUSE);
        assertThat(line.reason()).contains("no successful db/gprd deployment is known");
    }

    @Test
    void a_rollback_at_or_after_the_rollback_line_passes_the_line() {
        GuardOutcome line = only(evaluate(GPRD, CANDIDATE, DIVERGED, new RollbackRequest("16.7.line", true)), "rollback line");

        assertThat(line.verdict()).isEqualTo(GuardVerdict.PASS);
        assertThat(line.rule()).isEqualTo("a rollback at or after the rollback line passes");
    }

    @Test
    void production_running_nothing_known_takes_any_candidate() {
        GuardOutcome descent = only(evaluate(GPRD, CANDIDATE, REACHED), "descendant of production");

        assertThat(descent.verdict()).isEqualTo(GuardVerdict.PASS);
        assertThat(descent.rule()).isEqualTo("production running nothing known takes any candidate");
    }

    @Test
    void a_non_production_environment_is_not_held_to_production_ancestry() {
        PromotionReport report = evaluate(GSTG, CANDIDATE, new ReachedPrevious("gstg-cny"), DIVERGED);

        assertThat(report.allowsThePromotion()).isTrue();
        assertThat(only(report, "descendant of production").rule())
                .isEqualTo("a non-production environment is not held to production's ancestry");
    }

    @Test
    void an_active_pdm_run_refuses_the_promotion_even_with_the_override() {
        GuardOutcome run = only(production(new ActiveRun("PDM run #3 (running)"), OVERRIDE), "pdm run");

        assertThat(run.verdict()).isEqualTo(GuardVerdict.REFUSE);
        assertThat(run.reason()).startsWith("PDM run #3 (running) is active");
        assertThat(run.rule()).isEqualTo("an active PDM run refuses the promotion");
    }

    @Test
    void no_active_pdm_run_passes() {
        assertThat(only(production(), "pdm run").rule()).isEqualTo("no active PDM run passes");
    }

    @Test
    void a_locked_environment_refuses_the_promotion() {
        GuardOutcome lock = only(production(new HeldLock("gprd", "bob", "db maintenance", null)), "environment lock");

        assertThat(lock.verdict()).isEqualTo(GuardVerdict.REFUSE);
        assertThat(lock.reason()).isEqualTo("gprd is locked by bob (db maintenance) until unlocked");
        assertThat(lock.rule()).isEqualTo("a locked environment refuses the promotion");
    }

    @Test
    void no_environment_lock_passes() {
        assertThat(only(production(), "environment lock").rule()).isEqualTo("no environment lock passes");
    }

    @Test
    void a_deployment_running_on_the_target_refuses_the_promotion_but_one_elsewhere_does_not() {
        PromotionReport report = production(new Deploying("gprd", false, "16.7.other", "#9001", T));
        GuardOutcome deployments = only(report, "deployments");

        assertThat(deployments.verdict()).isEqualTo(GuardVerdict.REFUSE);
        assertThat(deployments.rule()).isEqualTo("a deployment running on the target refuses the promotion");
        assertThat(only(production(new Deploying("gstg", true, "16.7.other", "#9001", T)), "deployments").rule())
                .isEqualTo("no deployment running on the target passes");
    }

    @Test
    void an_incident_of_severity_2_refuses_a_production_promotion() {
        GuardOutcome incidents = only(production(new OpenIncident("#7", "API errors", 2, false)), "incidents");

        assertThat(incidents.verdict()).isEqualTo(GuardVerdict.REFUSE);
        assertThat(incidents.rule())
                .isEqualTo("an incident of severity 1 or 2 or blocking deployments refuses a production promotion");
    }

    @Test
    void an_incident_of_severity_3_does_not_hold_production() {
        GuardOutcome incidents = only(production(new OpenIncident("#7", "slow page", 3, false)), "incidents");

        assertThat(incidents.verdict()).isEqualTo(GuardVerdict.PASS);
        assertThat(incidents.rule()).isEqualTo("no incident blocking production passes");
    }

    @Test
    void a_c2_change_request_in_progress_refuses_a_production_promotion() {
        GuardOutcome changes = only(production(new OpenChangeRequest("#9", "failover", 2, true, false)), "change requests");

        assertThat(changes.verdict()).isEqualTo(GuardVerdict.REFUSE);
        assertThat(changes.rule())
                .isEqualTo("a C1 or C2 change request in progress or one blocking deployments refuses a production promotion");
    }

    @Test
    void a_c3_change_request_does_not_hold_production() {
        assertThat(only(production(new OpenChangeRequest("#9", "config", 3, true, false)), "change requests").rule())
                .isEqualTo("no change request holding production passes");
    }

    @Test
    void a_production_change_lock_refuses_a_production_promotion() {
        GuardOutcome lock = only(production(new ProductionChangeLock("Year-end freeze", "", T.plusSeconds(3600))),
                "change lock");

        assertThat(lock.verdict()).isEqualTo(GuardVerdict.REFUSE);
        assertThat(lock.rule()).isEqualTo("a production change lock refuses a production promotion");
        assertThat(only(production(), "change lock").rule()).isEqualTo("no production change lock passes");
    }

    @Test
    void production_checks_do_not_hold_a_non_production_environment() {
        PromotionReport report = evaluate(GSTG, CANDIDATE, new ReachedPrevious("gstg-cny"),
                new OpenIncident("#7", "API errors", 1, true), new ProductionChangeLock("freeze", "", T));

        assertThat(report.allowsThePromotion()).isTrue();
        assertThat(only(report, "incidents").rule())
                .isEqualTo("incidents, change requests and change locks do not hold a non-production environment");
    }

    @Test
    void the_production_checks_give_way_to_the_override_which_is_recorded_with_its_reason() {
        PromotionReport report = production(new OpenIncident("#7", "API errors", 1, false),
                new ProductionChangeLock("freeze", "", T.plusSeconds(60)), OVERRIDE);

        assertThat(report.allowsThePromotion()).isTrue();
        GuardOutcome incidents = only(report, "incidents");
        assertThat(incidents.verdict()).isEqualTo(GuardVerdict.OVERRIDDEN);
        assertThat(incidents.reason()).endsWith("overridden by alice: incident 4711 needs the fix");
        assertThat(only(report, "override").reason())
                .isEqualTo("production checks overridden by alice: \"incident 4711 needs the fix\"");
        assertThat(only(report, "override").rule()).isEqualTo("an override is recorded with its reason");
    }

    @Test
    void without_the_override_a_finding_refuses_the_promotion_under_its_guard_rule_name() {
        PromotionReport report = production(new OpenIncident("#7", "API errors", 1, false));

        assertThat(report.refusals()).extracting(GuardOutcome::guard).containsExactly("incidents");
    }

    @Test
    void a_guard_file_that_does_not_compile_names_the_line() {
        assertThatThrownBy(() -> PromotionRules.compile("rule \"oops\" when then end end"))
                .isInstanceOf(UnableToCompilePromotionRulesException.class)
                .hasMessageContaining("line");
    }

    @Test
    void an_override_needs_a_reason() {
        assertThatThrownBy(() -> new OverrideRequest(" ", "alice")).isInstanceOf(IllegalArgumentException.class);
    }
}
