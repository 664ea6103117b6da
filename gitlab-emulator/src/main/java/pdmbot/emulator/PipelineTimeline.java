package pdmbot.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import pdmbot.emulator.EmulatorState.Failure;
import pdmbot.emulator.EmulatorState.Job;
import pdmbot.emulator.EmulatorState.Pipeline;

/**
 * Where a pipeline is at a given time, derived from its creation time and the emulator's step, so that it moves
 * created → pending → running → success|failed as the clock moves, restarts included, and never needs a thread.
 * Jobs run one after another, one step each; a planned failure fails its job and skips the later ones, as GitLab
 * skips jobs of later stages ({@code Ci::ProcessPipelineService}).
 */
final class PipelineTimeline {

    record JobState(Job job, String status, Instant startedAt, Instant finishedAt, String failureReason) {
    }

    record State(String status, Instant updatedAt, Instant startedAt, Instant finishedAt, List<JobState> jobs) {
    }

    private PipelineTimeline() {
    }

    /** The job a failure applies to: the one it names, else the first migration job, else the last job. */
    static int failingJob(Pipeline p) {
        Failure f = p.failure();
        if (f == null) return -1;
        for (int i = 0; i < p.jobs().size(); i++) if (p.jobs().get(i).name().equals(f.job())) return i;
        for (int i = 0; i < p.jobs().size(); i++) if (p.jobs().get(i).name().contains("migrat")) return i;
        return p.jobs().size() - 1;
    }

    private static int firstManual(Pipeline p) {
        for (int i = 0; i < p.jobs().size(); i++) if ("manual".equals(p.jobs().get(i).kind())) return i;
        return -1;
    }

    /**
     * A blocking manual job ({@code when: manual}, {@code allow_failure: false}) stops the pipeline in status
     * {@code manual} until someone plays it (GitLab CI docs; gitlab-facts §7); the emulator never plays it.
     */
    private static State waitingForAPerson(Pipeline p, Duration step, Instant now, int manual) {
        Pipeline before = new Pipeline(p.id(), p.iid(), p.projectId(), p.ref(), p.sha(), p.tag(), p.source(), p.userId(),
                p.createdAt(), p.variables(), p.jobs().subList(0, manual), null);
        State upTo = at(before, step, now);
        boolean reached = upTo.status().equals("success");
        List<JobState> jobs = new ArrayList<>(upTo.jobs());
        for (int i = manual; i < p.jobs().size(); i++)
            jobs.add(new JobState(p.jobs().get(i), i == manual && reached ? "manual" : "created", null, null, null));
        if (!reached) return new State(upTo.status(), upTo.updatedAt(), upTo.startedAt(), null, jobs);
        return new State("manual", upTo.updatedAt(), upTo.startedAt(), null, jobs);
    }

    static State at(Pipeline p, Duration step, Instant now) {
        Instant t0 = p.createdAt();
        Instant pendingAt = t0.plus(step);
        Instant runningAt = t0.plus(step.multipliedBy(2));
        int failing = failingJob(p);
        int manual = firstManual(p);
        if (manual >= 0 && (failing < 0 || manual < failing)) return waitingForAPerson(p, step, now, manual);
        int last = failing >= 0 ? failing : p.jobs().size() - 1;
        Instant endAt = runningAt.plus(step.multipliedBy(last + 1L));
        List<JobState> jobs = new ArrayList<>();
        for (int i = 0; i < p.jobs().size(); i++) {
            Job job = p.jobs().get(i);
            Instant start = runningAt.plus(step.multipliedBy(i));
            Instant end = start.plus(step);
            if (i > last) {
                jobs.add(new JobState(job, now.isBefore(endAt) ? "created" : "skipped", null, null, null));
            } else if (now.isBefore(start)) {
                jobs.add(new JobState(job, i == 0 && !now.isBefore(pendingAt) ? "pending" : "created", null, null, null));
            } else if (now.isBefore(end)) {
                jobs.add(new JobState(job, "running", start, null, null));
            } else if (i == failing) {
                jobs.add(new JobState(job, "failed", start, end, "script_failure"));
            } else {
                jobs.add(new JobState(job, "success", start, end, null));
            }
        }
        if (now.isBefore(pendingAt)) return new State("created", t0, null, null, jobs);
        if (now.isBefore(runningAt)) return new State("pending", pendingAt, null, null, jobs);
        if (now.isBefore(endAt)) {
            Instant lastChange = runningAt.plus(step.multipliedBy(Duration.between(runningAt, now).dividedBy(step)));
            return new State("running", lastChange, runningAt, null, jobs);
        }
        return new State(failing >= 0 ? "failed" : "success", endAt, runningAt, endAt, jobs);
    }
}
