package pdmbot.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import pdmbot.ledger.Times;
import pdmbot.run.Durations;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunState;

/**
 * Runs over time as an inline SVG drawn on the server: one bar per run, oldest on the left, its height how long it
 * took (a running run: so far), its colour its outcome. No charting script: the page needs nothing but itself.
 */
final class RunsChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 150;
    private static final int AXIS = 18;
    static final long SCALE_FLOOR_SECONDS = 60;

    private RunsChart() {
    }

    static String svg(List<RunRecord> newestFirst, Instant now) {
        List<RunRecord> runs = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(runs);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" aria-label=\"").append(runs.size()).append(" runs over time\">");
        svg.append("<line class=\"axis\" x1=\"0\" y1=\"").append(HEIGHT - AXIS).append("\" x2=\"").append(WIDTH)
                .append("\" y2=\"").append(HEIGHT - AXIS).append("\"/>");
        // the scale is at least a minute tall, so a refused run (0 s) is a stub, not a full bar
        long longest = SCALE_FLOOR_SECONDS;
        for (RunRecord run : runs) longest = Math.max(longest, took(run, now).getSeconds());
        int slot = runs.isEmpty() ? WIDTH : Math.max(12, Math.min(60, WIDTH / runs.size()));
        int x = 4;
        for (RunRecord run : runs) {
            long seconds = took(run, now).getSeconds();
            int height = (int) Math.max(3, Math.round((HEIGHT - AXIS - 8) * (double) seconds / longest));
            int y = HEIGHT - AXIS - height;
            String label = "run #" + run.id() + " " + run.state().id() + ", " + Durations.of(took(run, now)) + ", started by "
                    + run.startedBy() + " at " + Times.utc(run.startedAt()) + (run.outcome().isBlank() ? "" : " — " + run.outcome());
            svg.append("<g class=\"bar ").append(cssClass(run.state())).append("\"><title>").append(Html.escape(label))
                    .append("</title><rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(slot - 6)
                    .append("\" height=\"").append(height).append("\"/><text x=\"").append(x + (slot - 6) / 2)
                    .append("\" y=\"").append(HEIGHT - 4).append("\">#").append(run.id()).append("</text></g>");
            x += slot;
        }
        return svg.append("</svg>").toString();
    }

    static Duration took(RunRecord run, Instant now) {
        Instant end = run.finishedAt() != null ? run.finishedAt() : run.isActive() ? now : run.startedAt();
        Duration d = Duration.between(run.startedAt(), end);
        return d.isNegative() ? Duration.ZERO : d;
    }

    static String cssClass(RunState state) {
        return switch (state) {
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case RUNNING -> "running";
            case CANCELLED, REFUSED -> "stopped";
        };
    }
}
