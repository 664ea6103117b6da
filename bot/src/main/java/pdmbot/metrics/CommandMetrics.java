package pdmbot.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import pdmbot.chat.AuditTrail;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;

/** Command latencies by command and outcome, from the chat core's audit record of each command; then hands it on. */
public final class CommandMetrics implements AuditTrail {

    static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final AuditTrail next;

    public CommandMetrics(BotMetrics metrics, AuditTrail next) {
        this.registry = metrics.registry();
        this.next = next;
    }

    @Override
    public void record(ChatRequest request, String command, Reply.Outcome outcome, String detail, String correlationId,
                       Duration duration) {
        // an unknown command is one series, not one per typo
        Timer.builder("pdm.command.duration").tags("command", command.isEmpty() ? "unknown" : command,
                        "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .description("How long chat commands took to answer, by command").serviceLevelObjectives(BUCKETS)
                .register(registry).record(duration);
        next.record(request, command, outcome, detail, correlationId, duration);
    }
}
