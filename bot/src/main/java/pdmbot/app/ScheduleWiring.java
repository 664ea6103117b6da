package pdmbot.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import pdmbot.chat.Announcements;
import pdmbot.chat.Command;
import pdmbot.chat.interaction.Dialogues;
import pdmbot.config.BotConfig;
import pdmbot.config.ScheduleConfig;
import pdmbot.decide.RunWindows;
import pdmbot.run.RunService;
import pdmbot.schedule.ProposalConfirmCommand;
import pdmbot.schedule.ProposalSkipCommand;
import pdmbot.schedule.Proposals;
import pdmbot.schedule.ScheduleSettings;
import pdmbot.schedule.ScheduledRuns;
import pdmbot.schedule.SubsetGroupRuns;
import pdmbot.storage.Stores;

/** Builds scheduled runs ({@code schedule.*}) over the run decisions, the run feature and the store. */
final class ScheduleWiring {

    /** The proposals, their commands, and the db-scheduler tasks (started only by a process that drives runs). */
    record Schedule(Proposals proposals, List<Command> commands, ScheduledRuns scheduled) implements AutoCloseable {

        /** Starts db-scheduler unless {@code schedule.mode} is {@code suggest}. */
        void start(DataSource dataSource, String instance) {
            if (proposals.settings().isActive()) scheduled.start(dataSource, instance);
        }

        @Override
        public void close() {
            scheduled.close();
        }
    }

    private ScheduleWiring() {
    }

    static Schedule wire(BotConfig config, Stores stores, RunWindows windows, RunService runs, Announcements announcements,
                         Clock clock) {
        return wire(config, stores, windows, runs, announcements, pdmbot.telemetry.ScheduleProposals.NONE, clock);
    }

    /** As above, each proposal's outcome counted once ({@code pdm_schedule_proposals_total}). */
    static Schedule wire(BotConfig config, Stores stores, RunWindows windows, RunService runs, Announcements announcements,
                         pdmbot.telemetry.ScheduleProposals counted, Clock clock) {
        ScheduleConfig s = config.schedule();
        ScheduleSettings settings = new ScheduleSettings(s.mode(), s.autoNatures(), Duration.ofDays(s.lookaheadDays()),
                Duration.ofMinutes(1));
        Proposals proposals = new Proposals(windows, new CountedOffers(stores.offers(), counted), new Dialogues(stores.dialogues(), clock),
                new SubsetGroupRuns(runs, windows instanceof pdmbot.decide.RunDecider decider ? new pdmbot.decide.OnlySubset(decider)
                        : pdmbot.run.SubsetPlanner.NONE), announcements, settings, clock);
        return new Schedule(proposals, List.of(new ProposalConfirmCommand(proposals), new ProposalSkipCommand(proposals)),
                new ScheduledRuns(proposals));
    }
}
