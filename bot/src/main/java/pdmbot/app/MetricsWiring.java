package pdmbot.app;

import java.time.Clock;
import java.util.function.Supplier;
import pdmbot.grafana.GrafanaAnnotations;
import pdmbot.metrics.BotMetrics;
import pdmbot.pending.PendingView;
import pdmbot.run.RunService;
import pdmbot.storage.Stores;
import pdmbot.telemetry.TriageAnswers;
import pdmbot.triage.TriageFeature;

/** Builds the bot's Prometheus metrics and subscribes them, and Grafana's annotations, to the run events. */
final class MetricsWiring {

    private MetricsWiring() {
    }

    /** {@code triage} is read late: the triage feature is built after the metrics (its commands count on them). */
    static BotMetrics metrics(PendingView pending, Stores stores, RunService runs, Supplier<TriageFeature> triage,
                              GrafanaAnnotations grafana, Worlds.Opened world, Clock clock) {
        // a failed run counts as untriaged until its triage has an answer (the alert in config/prometheus/alerts.yaml)
        TriageAnswers answered = runId -> triage.get() != null && triage.get().service().answered(runId);
        BotMetrics metrics = new BotMetrics(pending, stores.runs(), answered, runs.plan().environments(), clock);
        runs.events().subscribe(metrics.runs());
        if (grafana != null) runs.events().subscribe(grafana);
        world.gitlab().ifPresent(gitlab -> gitlab.countErrorsIn(metrics.gitlabErrors()));
        return metrics;
    }
}
