package pdmbot.durations;

import java.time.Duration;
import java.util.List;

/** How the bot says a prediction: {@code about 14 min}, {@code under a minute}, {@code about 2 h 05 min}. */
public final class ExpectedDurations {

    private ExpectedDurations() {
    }

    /** The predictions of migrations that run one after the other, added up. */
    public static Prediction total(List<Prediction> predictions) {
        Duration sum = Duration.ZERO;
        int samples = 0;
        long fromHistory = 0;
        for (Prediction p : predictions) {
            sum = sum.plus(p.expected());
            samples += p.samples();
            if (p.samples() > 0) fromHistory++;
        }
        return new Prediction(sum, samples, fromHistory + " of " + predictions.size() + " from past runs");
    }

    /** {@code about 14 min}, rounded up to the minute. */
    public static String about(Duration expected) {
        long seconds = expected.getSeconds() + (expected.getNano() > 0 ? 1 : 0);
        if (seconds < 60) return "under a minute";
        long minutes = (seconds + 59) / 60;
        if (minutes < 90) return "about " + minutes + " min";
        return String.format("about %d h %02d min", minutes / 60, minutes % 60);
    }

    /** {@code expected about 14 min (3 of 5 from past runs)}. */
    public static String line(Prediction total) {
        return "expected " + about(total.expected()) + " (" + total.basis() + ")";
    }
}
