package pdmbot.app;

import java.time.Clock;
import java.time.Duration;
import pdmbot.chat.AuditTrail;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.storage.audit.AuditEntry;
import pdmbot.storage.audit.AuditLog;

/** Writes the chat core's audit records to the store's audit log. */
final class StoreAuditTrail implements AuditTrail {

    private final AuditLog log;
    private final Clock clock;

    StoreAuditTrail(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void record(ChatRequest request, String command, Reply.Outcome outcome, String detail, String correlationId,
                       Duration duration) {
        log.append(new AuditEntry(clock.instant(), request.platform(), request.channel(), request.userId(),
                request.userName(), request.eventId(), request.text().length() > 500 ? request.text().substring(0, 500) : request.text(),
                outcome.name().toLowerCase(), detail, correlationId, duration.toMillis()));
    }
}
