package pdmbot.telemetry;

/**
 * Counts the scheduler's proposals by outcome ({@code proposed}, {@code accepted}, {@code declined}, {@code expired},
 * whatever the scheduler names them): {@code pdm_schedule_proposals_total{outcome}}. The scheduler is given one.
 */
@FunctionalInterface
public interface ScheduleProposals {

    void counted(String outcome);

    ScheduleProposals NONE = outcome -> { };
}
