package pdmbot.storage;

import java.time.Clock;
import javax.sql.DataSource;
import pdmbot.domain.interaction.ChatButtonStore;
import pdmbot.domain.interaction.ChatEventStore;
import pdmbot.domain.interaction.DialogueStore;
import pdmbot.storage.audit.AuditLog;
import pdmbot.storage.audit.JdbcAuditLog;
import pdmbot.storage.changes.JdbcWorldChangeStore;
import pdmbot.storage.changes.WorldChangeStore;
import pdmbot.storage.classifications.ClassificationStore;
import pdmbot.storage.classifications.JdbcClassificationStore;
import pdmbot.storage.durations.DurationStore;
import pdmbot.storage.durations.JdbcDurationStore;
import pdmbot.storage.dialogues.JdbcDialogueStore;
import pdmbot.storage.environments.EnvironmentStore;
import pdmbot.storage.environments.JdbcEnvironmentStore;
import pdmbot.storage.events.JdbcChatButtonStore;
import pdmbot.storage.events.JdbcChatEventStore;
import pdmbot.storage.ledger.JdbcLedgerStore;
import pdmbot.storage.ledger.LedgerStore;
import pdmbot.storage.locks.JdbcLockStore;
import pdmbot.storage.locks.LockStore;
import pdmbot.storage.promotions.JdbcPromotionStore;
import pdmbot.storage.promotions.PromotionStore;
import pdmbot.storage.releasenotes.JdbcReleaseNoteStore;
import pdmbot.storage.releasenotes.ReleaseNoteStore;
import pdmbot.storage.runs.JdbcRunStore;
import pdmbot.storage.runs.RunStore;
import pdmbot.storage.schedule.JdbcOfferStore;
import pdmbot.storage.schedule.OfferStore;

/** Every store of one database, for wiring the features: built once per database, so no feature opens its own. */
public record Stores(LedgerStore ledger, LockStore locks, EnvironmentStore environments, AuditLog audit,
                     ClassificationStore classifications, ReleaseNoteStore releaseNotes, RunStore runs,
                     ChatEventStore chatEvents, ChatButtonStore chatButtons, DialogueStore dialogues,
                     DurationStore durations, OfferStore offers, PromotionStore promotions,
                     WorldChangeStore worldChanges) {

    /** The JDBC stores on a data source whose schema is migrated. */
    public static Stores on(DataSource dataSource, Clock clock) {
        Jdbc jdbc = new Jdbc(dataSource);
        return new Stores(new JdbcLedgerStore(jdbc, clock), new JdbcLockStore(jdbc, clock),
                new JdbcEnvironmentStore(jdbc, clock), new JdbcAuditLog(jdbc), new JdbcClassificationStore(jdbc),
                new JdbcReleaseNoteStore(jdbc, clock), new JdbcRunStore(jdbc, clock),
                new JdbcChatEventStore(dataSource, clock), new JdbcChatButtonStore(dataSource, clock),
                new JdbcDialogueStore(dataSource, clock), new JdbcDurationStore(jdbc),
                new JdbcOfferStore(jdbc, clock), new JdbcPromotionStore(jdbc, clock),
                new JdbcWorldChangeStore(jdbc, clock));
    }
}
