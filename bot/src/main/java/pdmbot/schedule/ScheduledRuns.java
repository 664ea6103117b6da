package pdmbot.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled runs on db-scheduler, in the bot's own database ({@code scheduled_tasks}, V26): a recurring
 * {@value #PLAN} task (one instance at a time runs it) expires unanswered proposals and schedules one
 * {@value #WINDOW} task per upcoming group window, its instance id the window's ({@link WindowKey#instanceId()}), so
 * instances scheduling the same window make one task; at its time one instance picks it and {@link Proposals} claims
 * the window once more in {@code schedule_offers}. A task found overdue after a restart runs then: inside its window
 * it proposes, after it the window is reported missed.
 */
public final class ScheduledRuns implements AutoCloseable {

    static final String PLAN = "pdm-schedule-plan";
    static final String WINDOW = "pdm-schedule-window";
    private static final Logger log = LoggerFactory.getLogger(ScheduledRuns.class);

    private final Proposals proposals;
    private final RecurringTask<Void> plan;
    private final OneTimeTask<String> window;
    private volatile SchedulerClient client;
    private Scheduler scheduler;

    public ScheduledRuns(Proposals proposals) {
        this.proposals = proposals;
        this.plan = Tasks.recurring(PLAN, FixedDelay.of(proposals.settings().planEvery()))
                .execute((instance, context) -> planWindows());
        this.window = Tasks.oneTime(WINDOW, String.class)
                .execute((instance, context) -> proposals.atWindow(WindowKey.parse(instance.getData())));
    }

    /** The tasks, for a scheduler built elsewhere (tests drive db-scheduler's manual scheduler with them). */
    public List<Task<?>> tasks() {
        return List.of(plan, window);
    }

    public RecurringTask<Void> planTask() {
        return plan;
    }

    /** Uses {@code client} to schedule window tasks (the scheduler running the tasks, or a test's). */
    public void scheduleWith(SchedulerClient client) {
        this.client = client;
    }

    /** Starts db-scheduler on {@code dataSource} under this instance's name. */
    public synchronized void start(DataSource dataSource, String instance) {
        if (scheduler != null) return;
        scheduler = Scheduler.create(dataSource, List.of(window))
                .startTasks(List.of(plan))
                .schedulerName(new SchedulerName.Fixed(instance))
                .threads(2)
                .pollingInterval(Duration.ofSeconds(10))
                .heartbeatInterval(Duration.ofSeconds(30))
                .build();
        client = scheduler;
        scheduler.start();
        log.info("scheduled runs: {} as {}, planning every {}", proposals.settings().mode(), instance,
                proposals.settings().planEvery());
    }

    /** One look: proposals whose window ended expire; every upcoming window gets its task (once). */
    void planWindows() {
        proposals.expireEnded();
        SchedulerClient to = client;
        if (to == null) return;
        for (WindowKey key : proposals.upcoming()) {
            // A window already open is due at once: its start is in the past.
            boolean added = to.scheduleIfNotExists(window.instance(key.instanceId(), key.data()), key.start());
            if (added) log.info("scheduled the {} window on {} at {}", key.nature(), key.environment(), key.start());
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) scheduler.stop();
        scheduler = null;
    }
}
