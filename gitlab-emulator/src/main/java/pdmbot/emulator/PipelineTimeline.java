package pdmbot.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
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

    /** The job a failure applies to: the one it names, else the first migration job, else the last build. */
    static int failingJob(Pipeline p) {
        Failure f = p.failure();
        if (f == null) return -1;
        for (int i = 0; i < p.jobs().size(); i++) if (p.jobs().get(i).name().equals(f.job())) return i;
        for (int i = 0; i < p.jobs().size(); i++) if (p.jobs().get(i).name().contains("migrat")) return i;
        for (int i = p.jobs().size() - 1; i >= 0; i--) if (!p.jobs().get(i).kind().equals("bridge")) return i;
        return p.jobs().size() - 1;
    }

    /** How long a pipeline of plain builds takes from creation to its end: two steps to start, one per job run. */
    static Duration duration(Pipeline p, Duration step) {
        int failing = failingJob(p);
        return step.multipliedBy(2L + (failing >= 0 ? failing + 1 : p.jobs().size()));
    }

    private static int firstManual(Pipeline p) {
        for (int i = 0; i < p.jobs().size(); i++) if ("manual".equals(p.jobs().get(i).kind())) return i;
        return -1;
    }

    /**
     * A blocking manual job ({@code when: manual}, {@code allow_failure: false}) stops the pipeline in status
     * {@code manual} until someone plays it (GitLab CI docs; gitlab-facts §7); the emulator never plays it.
     */
    private static State waitingForAPerson(Pipeline p, Duration step, Instant now, int manual, LongFunction<Pipeline> downstream) {
        Pipeline before = new Pipeline(p.id(), p.iid(), p.projectId(), p.ref(), p.sha(), p.tag(), p.source(), p.userId(),
                p.createdAt(), p.variables(), p.jobs().subList(0, manual), null);
        State upTo = at(before, step, now, downstream);
        boolean reached = upTo.status().equals("success");
        List<JobState> jobs = new ArrayList<>(upTo.jobs());
        for (int i = manual; i < p.jobs().size(); i++)
            jobs.add(new JobState(p.jobs().get(i), i == manual && reached ? "manual" : "created", null, null, null));
        if (!reached) return new State(upTo.status(), upTo.updatedAt(), upTo.startedAt(), null, jobs);
        return new State("manual", upTo.updatedAt(), upTo.startedAt(), null, jobs);
    }

    /**
     * Where {@code p} is at {@code now}. A bridge with a downstream pipeline runs as long as that pipeline and fails
     * when it fails ({@code Ci::Bridge#inherit_status_from_downstream!}: failed → {@code drop!}, whose default
     * failure_reason is unknown_failure — inferred).
     */
    static State at(Pipeline p, Duration step, Instant now, LongFunction<Pipeline> downstream) {
        int manual = firstManual(p);
        int planned = failingJob(p);
        if (manual >= 0 && (planned < 0 || manual < planned)) return waitingForAPerson(p, step, now, manual, downstream);
        Instant t0 = p.createdAt();
        Instant pendingAt = t0.plus(step);
        Instant runningAt = t0.plus(step.multipliedBy(2));
        List<Instant> starts = new ArrayList<>();
        List<Instant> ends = new ArrayList<>();
        int failing = -1;
        String reason = null;
        Instant t = runningAt;
        for (int i = 0; i < p.jobs().size(); i++) {
            Job job = p.jobs().get(i);
            Pipeline down = job.downstreamPipelineId() == null ? null : downstream.apply(job.downstreamPipelineId());
            Instant end = t.plus(down == null ? step : duration(down, step));
            starts.add(t);
            ends.add(end);
            boolean fails = down == null ? i == planned : failingJob(down) >= 0;
            if (fails) {
                failing = i;
                reason = down == null ? "script_failure" : "unknown_failure";
                break;
            }
            t = end;
        }
        Instant endAt = ends.isEmpty() ? runningAt : ends.get(ends.size() - 1);
        List<JobState> jobs = new ArrayList<>();
        Instant lastChange = now.isBefore(runningAt) ? null : runningAt;
        for (int i = 0; i < p.jobs().size(); i++) {
            Job job = p.jobs().get(i);
            if (i >= starts.size()) {
                jobs.add(new JobState(job, now.isBefore(endAt) ? "created" : "skipped", null, null, null));
                continue;
            }
            Instant start = starts.get(i), end = ends.get(i);
            if (!now.isBefore(start) && (lastChange == null || start.isAfter(lastChange))) lastChange = start;
            if (now.isBefore(start)) {
                jobs.add(new JobState(job, i == 0 && !now.isBefore(pendingAt) ? "pending" : "created", null, null, null));
            } else if (now.isBefore(end)) {
                jobs.add(new JobState(job, "running", start, null, null));
            } else {
                if (end.isAfter(lastChange)) lastChange = end;
                jobs.add(i == failing ? new JobState(job, "failed", start, end, reason) : new JobState(job, "success", start, end, null));
            }
        }
        if (now.isBefore(pendingAt)) return new State("created", t0, null, null, jobs);
        if (now.isBefore(runningAt)) return new State("pending", pendingAt, null, null, jobs);
        if (now.isBefore(endAt)) return new State("running", lastChange, runningAt, null, jobs);
        return new State(failing >= 0 ? "failed" : "success", endAt, runningAt, endAt, jobs);
    }
}
