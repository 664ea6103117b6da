package pdmbot.storage.audit;

import java.util.List;

/** The append-only record of every command the bot received. */
public interface AuditLog {

    void append(AuditEntry entry);

    /** The newest entries first, at most {@code limit} of them. */
    List<AuditEntry> recent(int limit);

    long count();
}
