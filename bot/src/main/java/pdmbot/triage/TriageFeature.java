package pdmbot.triage;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.chat.Announcements;
import pdmbot.chat.Command;
import pdmbot.chat.interaction.Dialogues;
import pdmbot.classification.ClassifiedNatures;
import pdmbot.ledger.Ledger;
import pdmbot.rules.triage.TriageAdvisor;
import pdmbot.run.RunService;
import pdmbot.storage.audit.AuditLog;
import pdmbot.storage.locks.LockStore;
import pdmbot.storage.triage.TriageStore;
import pdmbot.world.TriagePorts;

/** The triage feature, wired once by the composition root: its service (listening to runs), commands and reminders. */
public final class TriageFeature implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TriageFeature.class);

    private final TriageService service;
    private final TriageReminders reminders;
    private final List<Command> commands;
    private ScheduledExecutorService scheduler;

    /** What the feature is built from; one record so that the composition root stays one line. */
    public record Parts(TriageStore store, Dialogues dialogues, Ledger ledger, ClassifiedNatures natures, TriagePorts ports,
                        LockStore locks, AuditLog audit, RunService runs, Announcements announcements, TriageSettings settings,
                        String instance, Clock clock) {
    }

    public TriageFeature(Parts p) {
        TriageFactsGatherer facts = new TriageFactsGatherer(p.ledger(), p.natures(), p.ports(), p.locks(), TriageAdvisor.builtIn(),
                p.settings());
        this.service = new TriageService(p.store(), p.dialogues(), facts, p.announcements(), p.audit(), p.settings(), p.locks(), p.clock());
        TriageAnswers answers = new TriageAnswers(service, p.ports(), p.locks(), p.runs().store());
        this.reminders = new TriageReminders(service, p.runs().store(), p.instance());
        List<Command> all = new ArrayList<>(new TriageCommand(service, answers, p.runs().store()).commands());
        all.add(new MarkCommand(p.ports().marks(), p.store(), service));
        this.commands = List.copyOf(all);
        p.runs().addListener(service);
    }

    public List<Command> commands() {
        return commands;
    }

    public TriageService service() {
        return service;
    }

    /** Posts the reminders due now (each once across instances); how many this instance posted. */
    public int remindDue() {
        return reminders.remindDue();
    }

    /** Looks for due reminders every {@code period}, on a daemon thread, until closed. */
    public synchronized void remindEvery(Duration period) {
        if (scheduler != null) return;
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pdm-triage-reminders");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                remindDue();
            } catch (RuntimeException e) {
                log.warn("could not look for due triage reminders: {}", e.getMessage());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) scheduler.shutdownNow();
    }
}
