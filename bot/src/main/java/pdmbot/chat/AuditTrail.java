package pdmbot.chat;

import java.time.Duration;

/** Where the chat core writes one record per handled command. */
@FunctionalInterface
public interface AuditTrail {

    void record(ChatRequest request, String command, Reply.Outcome outcome, String detail, String correlationId,
                Duration duration);

    AuditTrail NONE = (request, command, outcome, detail, correlationId, duration) -> { };
}
