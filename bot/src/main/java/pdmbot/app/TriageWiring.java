package pdmbot.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import pdmbot.chat.Announcements;
import pdmbot.chat.interaction.Dialogues;
import pdmbot.classification.ClassifiedNatures;
import pdmbot.ledger.Ledger;
import pdmbot.run.RunService;
import pdmbot.storage.Database;
import pdmbot.storage.Jdbc;
import pdmbot.storage.Stores;
import pdmbot.storage.triage.JdbcTriageStore;
import pdmbot.triage.TriageFeature;
import pdmbot.config.BotConfig;
import pdmbot.triage.TriageSettings;
import pdmbot.world.TriagePorts;
import pdmbot.world.local.LocalTriagePorts;

/** Builds the failure triage feature over the store, the world's triage ports and the run feature. */
final class TriageWiring {

    /** How often serve and the console look for due triage reminders. */
    static final Duration REMINDER_LOOK = Duration.ofSeconds(30);

    private TriageWiring() {
    }

    static TriageFeature triage(BotConfig.Triage config, Database database, Stores stores, Dialogues dialogues, Ledger ledger, ClassifiedNatures natures,
                                Worlds.Opened world, RunService runs, Announcements announcements, String instance, Clock clock) {
        TriagePorts ports = world.production() instanceof Worlds.Simulated simulated
                ? LocalTriagePorts.of(simulated.operations(), world.world().databases(), clock)
                : world.gitlab().orElseThrow().triage();
        // the demo's merge requests are approved by its seeded database maintainers; a GitLab's are configured
        List<String> maintainers = world.kind() instanceof Worlds.GitLab ? List.of() : LocalTriagePorts.DATABASE_MAINTAINERS;
        return new TriageFeature(new TriageFeature.Parts(new JdbcTriageStore(new Jdbc(database.dataSource()), clock), dialogues,
                ledger, natures, ports, stores.locks(), stores.audit(), runs, announcements, settings(config, maintainers),
                instance, clock));
    }

    /** The configured triage settings; database maintainers not configured: the world's own (the demo's seeded ones). */
    static TriageSettings settings(BotConfig.Triage config, List<String> worldMaintainers) {
        return new TriageSettings(config.onCall(), config.devEscalation(),
                config.databaseMaintainers() != null ? config.databaseMaintainers() : worldMaintainers,
                java.time.Duration.ofMinutes(config.remindAfterMinutes()), java.time.Duration.ofMinutes(config.snoozeMinutes()));
    }
}
