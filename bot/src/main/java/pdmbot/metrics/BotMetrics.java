package pdmbot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.pending.PendingSnapshot;
import pdmbot.pending.PendingView;
import pdmbot.rules.classify.Nature;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunState;
import pdmbot.storage.runs.RunStore;
import pdmbot.storage.runs.StepRecord;
import pdmbot.storage.runs.StepState;
import pdmbot.telemetry.CallErrors;
import pdmbot.telemetry.ScheduleProposals;
import pdmbot.telemetry.TriageAnswers;

/**
 * The bot's metrics in one Prometheus registry. Counters and histograms are fed as things happen ({@link RunMetrics},
 * {@link CommandMetrics}, the call error and proposal counters); the gauges of what is pending and of the active run
 * are set from the pending view and the run store when scraped, so a scrape shows this moment on every instance.
 */
public final class BotMetrics {

    static final String PENDING = "pdm.pending.migrations";
    static final String OLDEST = "pdm.pending.oldest.age";
    static final String STEP_RUNNING = "pdm.run.step.running";
    static final String UNTRIAGED = "pdm.run.failed.untriaged";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final PendingView pending;
    private final RunStore runs;
    private final TriageAnswers triage;
    private final Clock clock;
    private final List<Environment> environments;
    private final MultiGauge pendingGauge;
    private final MultiGauge oldestGauge;
    private final MultiGauge stepRunningGauge;
    private final MultiGauge untriagedGauge;
    private final RunMetrics runMetrics;

    /** @param environments the environments runs migrate (gstg and gprd), each shown as {@code db/<env>} */
    public BotMetrics(PendingView pending, RunStore runs, TriageAnswers triage, List<Environment> environments, Clock clock) {
        this.pending = pending;
        this.runs = runs;
        this.triage = triage;
        this.environments = List.copyOf(environments);
        this.clock = clock;
        this.pendingGauge = MultiGauge.builder(PENDING)
                .description("Post-deploy migrations pending, per environment, database and classified nature").register(registry);
        this.oldestGauge = MultiGauge.builder(OLDEST).baseUnit("seconds")
                .description("Age of the oldest pending post-deploy migration (since its package was built); 0 when none")
                .register(registry);
        this.stepRunningGauge = MultiGauge.builder(STEP_RUNNING).baseUnit("seconds")
                .description("How long the running PDM run has been in its current step").register(registry);
        this.untriagedGauge = MultiGauge.builder(UNTRIAGED).baseUnit("seconds")
                .description("How long a failed PDM run has waited without a triage answer").register(registry);
        this.runMetrics = new RunMetrics(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Runs by outcome, step and migration durations, fed by the run feature's events. */
    public RunMetrics runs() {
        return runMetrics;
    }

    /** Failed GitLab calls: {@code pdm_gitlab_call_errors_total{status}}. */
    public CallErrors gitlabErrors() {
        return (method, status) -> Counter.builder("pdm.gitlab.call.errors").tag("status", status)
                .description("GitLab API calls that failed, by HTTP status or failure kind").register(registry).increment();
    }

    /** Failed Slack Web API and response_url calls: {@code pdm_slack_call_errors_total{method,status}}. */
    public CallErrors slackErrors() {
        return (method, status) -> Counter.builder("pdm.slack.call.errors").tags("method", method, "status", status)
                .description("Slack calls that failed, by method and HTTP status or failure kind").register(registry).increment();
    }

    /** Failed Grafana annotation calls: {@code pdm_grafana_annotation_errors_total{method,status}}. */
    public CallErrors grafanaErrors() {
        return (method, status) -> Counter.builder("pdm.grafana.annotation.errors").tags("method", method, "status", status)
                .description("Grafana annotation calls that failed, by HTTP method and status or failure kind").register(registry)
                .increment();
    }

    /** The scheduler's proposals: {@code pdm_schedule_proposals_total{outcome}}. */
    public ScheduleProposals scheduleProposals() {
        return outcome -> Counter.builder("pdm.schedule.proposals").tag("outcome", outcome)
                .description("PDM run proposals the scheduler made, by outcome").register(registry).increment();
    }

    /** The Prometheus text of every metric, with the gauges set from this moment's pending view and active run. */
    public String scrape() {
        refreshPending();
        refreshActiveRun();
        return registry.scrape();
    }

    private void refreshPending() {
        PendingSnapshot snapshot = pending.current();
        Map<PendingSnapshot.Key, Long> counts = snapshot.counts();
        Instant now = clock.instant();
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        List<MultiGauge.Row<?>> oldest = new ArrayList<>();
        // every (environment, database, nature) is a series, zero included, so "for: 24h" alerts see no gaps
        for (Environment environment : environments)
            for (LogicalDatabase database : LogicalDatabase.values()) {
                for (Nature nature : Nature.values()) {
                    long count = counts.getOrDefault(new PendingSnapshot.Key(environment, database, nature.wireName()), 0L);
                    rows.add(MultiGauge.Row.of(Tags.of("environment", environment.databaseEnvironment(), "database", database.id(),
                            "nature", nature.wireName()), count));
                }
                oldest.add(MultiGauge.Row.of(Tags.of("environment", environment.databaseEnvironment(), "database", database.id()),
                        snapshot.oldestPendingAge(environment, database, now).toSeconds()));
            }
        pendingGauge.register(rows, true);
        oldestGauge.register(oldest, true);
    }

    private void refreshActiveRun() {
        Optional<RunRecord> active = runs.active();
        List<MultiGauge.Row<?>> running = new ArrayList<>();
        List<MultiGauge.Row<?>> untriaged = new ArrayList<>();
        Instant now = clock.instant();
        if (active.isPresent()) {
            RunRecord run = active.get();
            Optional<StepRecord> step = runs.steps(run.id()).stream().filter(s -> s.state() != StepState.SUCCEEDED).findFirst();
            Tags tags = Tags.of("run", Long.toString(run.id()), "step", step.map(StepRecord::name).orElse("end"));
            if (run.state() == RunState.RUNNING && step.isPresent() && step.get().state() == StepState.RUNNING
                    && step.get().startedAt() != null)
                running.add(MultiGauge.Row.of(tags, seconds(step.get().startedAt(), now)));
            if (run.state() == RunState.FAILED && !triage.answered(run.id())) {
                Instant failedAt = step.map(StepRecord::finishedAt).orElse(null);
                untriaged.add(MultiGauge.Row.of(tags, seconds(failedAt == null ? run.startedAt() : failedAt, now)));
            }
        }
        stepRunningGauge.register(running, true);
        untriagedGauge.register(untriaged, true);
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
