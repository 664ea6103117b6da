package pdmbot.decide;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pdmbot.world.AutoDeployPackage;

/**
 * When the next deploy is expected, learnt from the auto-deploy history: the hours of the week (UTC) at which packages
 * were built in the four weeks before the newest one. An hour counts when packages were built in it in at least half of
 * the weeks the history covers (at least one); a deploy is then expected at the median minute of those builds.
 */
public final class DeployCadence {

    static final int WEEKS = 4;

    private final int[] weeksWithBuilds = new int[168];
    private final int[] minuteOf = new int[168];
    private final int weeksCovered;

    private DeployCadence(List<Instant> builds) {
        Instant newest = builds.stream().max(Instant::compareTo).orElse(Instant.EPOCH);
        Instant from = newest.minus(Duration.ofDays(7L * WEEKS));
        Instant oldest = builds.stream().filter(b -> !b.isBefore(from)).min(Instant::compareTo).orElse(newest);
        this.weeksCovered = builds.isEmpty() ? 0 : (int) Math.max(1, Math.min(WEEKS,
                (Duration.between(oldest, newest).toDays() + 6) / 7));
        List<List<Integer>> minutes = new ArrayList<>();
        List<java.util.Set<Long>> weeks = new ArrayList<>();
        for (int i = 0; i < 168; i++) {
            minutes.add(new ArrayList<>());
            weeks.add(new java.util.HashSet<>());
        }
        for (Instant b : builds) {
            if (b.isBefore(from)) continue;
            int h = hourOfWeek(b);
            minutes.get(h).add(b.atZone(java.time.ZoneOffset.UTC).getMinute());
            weeks.get(h).add(Duration.between(b, newest).toDays() / 7);
        }
        for (int h = 0; h < 168; h++) {
            weeksWithBuilds[h] = weeks.get(h).size();
            List<Integer> m = minutes.get(h);
            m.sort(Integer::compareTo);
            minuteOf[h] = m.isEmpty() ? 0 : m.get(m.size() / 2);
        }
    }

    public static DeployCadence of(List<AutoDeployPackage> packages) {
        return new DeployCadence(packages.stream().map(p -> p.version().builtAt()).toList());
    }

    public static DeployCadence none() {
        return new DeployCadence(List.of());
    }

    static int hourOfWeek(Instant at) {
        var utc = at.atZone(java.time.ZoneOffset.UTC);
        return (utc.getDayOfWeek().getValue() - 1) * 24 + utc.getHour();
    }

    private boolean expectedIn(int hour) {
        return weeksCovered > 0 && weeksWithBuilds[hour] >= Math.max(1, (weeksCovered + 1) / 2);
    }

    /** An expected deploy and what the guess rests on. */
    public record Expected(Instant at, String basis) {
    }

    /** The first deploy expected at or after {@code at}, within a week; empty when the history shows none. */
    public Optional<Expected> nextAt(Instant at) {
        Instant hour = at.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        for (int i = 0; i <= 168; i++) {
            Instant slot = hour.plus(Duration.ofHours(i));
            int h = hourOfWeek(slot);
            if (!expectedIn(h)) continue;
            Instant expected = slot.plus(Duration.ofMinutes(minuteOf[h]));
            if (expected.isBefore(at)) continue;
            return Optional.of(new Expected(expected, "packages were built in this hour in " + weeksWithBuilds[h] + " of the last "
                    + weeksCovered + (weeksCovered == 1 ? " week" : " weeks") + " of history"));
        }
        return Optional.empty();
    }
}
