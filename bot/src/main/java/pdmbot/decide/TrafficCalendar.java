package pdmbot.decide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import pdmbot.config.DecideConfig;
import pdmbot.config.InvalidConfigurationException;
import pdmbot.rules.decide.DecisionFacts.Moment;

/**
 * The traffic calendar: a time zone, a weekly load profile of 168 hourly levels (0 = none, 1 = the week's peak) and the
 * holidays. Built from {@code decide:} and, when set, a calendar file whose lines are {@code zone <id>},
 * {@code holiday <yyyy-mm-dd> <name>} and {@code load <day> <24 levels>}; a bad line stops the start with file:line.
 */
public final class TrafficCalendar {

    /**
     * GitLab.com-like: weekday traffic rises with Europe's morning, peaks in the EU/US overlap (14:00–17:00 UTC) and is
     * lowest 01:00–05:00 UTC; weekends run at about half. An assumption to replace with the real profile
     * ({@code decide.load-profile} or a Prometheus load query).
     */
    private static final double[] WEEKDAY = {0.40, 0.32, 0.28, 0.25, 0.25, 0.28, 0.38, 0.52, 0.66, 0.75, 0.80, 0.83,
            0.86, 0.92, 0.97, 1.00, 0.98, 0.92, 0.84, 0.75, 0.66, 0.58, 0.52, 0.46};
    private static final double[] WEEKEND = {0.24, 0.20, 0.17, 0.15, 0.15, 0.16, 0.19, 0.23, 0.28, 0.33, 0.37, 0.40,
            0.42, 0.44, 0.45, 0.45, 0.44, 0.42, 0.40, 0.37, 0.34, 0.31, 0.28, 0.26};

    private final ZoneId zone;
    private final double[] levels;
    private final Map<LocalDate, String> holidays;

    private TrafficCalendar(ZoneId zone, double[] levels, Map<LocalDate, String> holidays) {
        this.zone = zone;
        this.levels = levels.clone();
        this.holidays = Map.copyOf(holidays);
    }

    /** The default profile in UTC, no holidays. */
    public static TrafficCalendar gitLabComLike() {
        return new TrafficCalendar(ZoneId.of("UTC"), defaultLevels(), Map.of());
    }

    private static double[] defaultLevels() {
        double[] levels = new double[168];
        for (DayOfWeek day : DayOfWeek.values()) {
            double[] of = day.getValue() >= 6 ? WEEKEND : WEEKDAY;
            System.arraycopy(of, 0, levels, (day.getValue() - 1) * 24, 24);
        }
        return levels;
    }

    /** From the configuration; a calendar file is read relative to the working directory. */
    public static TrafficCalendar of(DecideConfig config) {
        ZoneId zone = ZoneId.of(config.zone());
        double[] levels = defaultLevels();
        Map<LocalDate, String> holidays = new TreeMap<>();
        config.loadProfile().forEach((day, line) -> setDay(levels, day, line, "decide.load-profile." + day));
        for (String holiday : config.holidays()) addHoliday(holidays, holiday, "decide.holidays");
        if (config.calendarFile() != null && !config.calendarFile().isBlank()) {
            Path file = Path.of(config.calendarFile());
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new InvalidConfigurationException("cannot read decide.calendar-file " + file + ": " + e.getClass().getSimpleName());
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String where = file + ":" + (i + 1);
                String[] words = line.split("\\s+", 2);
                String rest = words.length > 1 ? words[1] : "";
                switch (words[0]) {
                    case "zone" -> zone = zoneOf(rest, where);
                    case "holiday" -> addHoliday(holidays, rest, where);
                    case "load" -> {
                        String[] dayAndLevels = rest.split("\\s+", 2);
                        setDay(levels, dayAndLevels[0], dayAndLevels.length > 1 ? dayAndLevels[1] : "", where);
                    }
                    default -> throw new InvalidConfigurationException(where + ": \"" + line
                            + "\" is not a calendar line; expected `zone <id>`, `holiday <yyyy-mm-dd> <name>` or `load <day> <24 levels 0..1>`");
                }
            }
        }
        return new TrafficCalendar(zone, levels, holidays);
    }

    private static ZoneId zoneOf(String id, String where) {
        try {
            return ZoneId.of(id.strip());
        } catch (java.time.DateTimeException e) {
            throw new InvalidConfigurationException(where + ": \"" + id + "\" is not a time zone (e.g. UTC, Europe/Amsterdam)");
        }
    }

    private static void addHoliday(Map<LocalDate, String> holidays, String text, String where) {
        String[] words = text.strip().split("\\s+", 2);
        try {
            holidays.put(LocalDate.parse(words[0]), words.length > 1 ? words[1] : "holiday");
        } catch (DateTimeParseException e) {
            throw new InvalidConfigurationException(where + ": \"" + text + "\" is not a holiday; expected `<yyyy-mm-dd> <name>`");
        }
    }

    private static void setDay(double[] levels, String dayName, String text, String where) {
        DayOfWeek day = Arrays.stream(DayOfWeek.values())
                .filter(d -> d.name().equalsIgnoreCase(dayName) || d.getDisplayName(TextStyle.SHORT, Locale.ROOT).equalsIgnoreCase(dayName))
                .findFirst()
                .orElseThrow(() -> new InvalidConfigurationException(where + ": \"" + dayName
                        + "\" is not a day of the week; expected monday … sunday"));
        String[] words = text.strip().isEmpty() ? new String[0] : text.strip().split("[\\s,]+");
        if (words.length != 24)
            throw new InvalidConfigurationException(where + ": " + day.name().toLowerCase(Locale.ROOT) + " has " + words.length
                    + " levels; expected 24 (one per hour, 0 to 1)");
        for (int h = 0; h < 24; h++) {
            double level;
            try {
                level = Double.parseDouble(words[h]);
            } catch (NumberFormatException e) {
                level = -1;
            }
            if (level < 0 || level > 1 || Double.isNaN(level))
                throw new InvalidConfigurationException(where + ": hour " + h + " is \"" + words[h] + "\"; expected a level from 0 to 1");
            levels[(day.getValue() - 1) * 24 + h] = level;
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** The profile's level at the hour holding {@code at}. */
    public double levelAt(Instant at) {
        return levels[hourOfWeek(at)];
    }

    /** 0 (Monday 00:00 in the calendar's zone) to 167. */
    public int hourOfWeek(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
    }

    /** A copy of the calendar whose levels are {@code learnt} (168 of them) instead of its profile's. */
    public TrafficCalendar withLevels(double[] learnt) {
        if (learnt.length != 168) throw new IllegalArgumentException("a weekly profile has 168 levels, not " + learnt.length);
        return new TrafficCalendar(zone, learnt, holidays);
    }

    /** The moment as the rules see it. */
    public Moment momentAt(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        DayOfWeek day = local.getDayOfWeek();
        return new Moment(at, zone.getId(), day.getDisplayName(TextStyle.FULL, Locale.ENGLISH), local.getHour(),
                day.getValue() >= 6, holidays.getOrDefault(local.toLocalDate(), ""));
    }
}
