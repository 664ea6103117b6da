package pdmbot.decide;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pdmbot.chat.UsageException;

/** Reads the times users type ({@code --at}, {@code demo clock}), in the calendar's time zone unless they give one. */
public final class TimeWords {

    /** What a user may type, for the message of a time that does not parse. */
    public static final String FORMATS = "`2026-12-05T03:00:00Z` (ISO, with Z or an offset), `2026-12-05 03:00`, "
            + "`saturday 03:00` (the next one), `03:00` (the next one) or `now`; without an offset in the calendar's zone";

    private static final Pattern DAY_TIME = Pattern.compile("(?i)([a-z]+)\\s+(\\d{1,2}:\\d{2})");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']H:mm");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm z", Locale.ENGLISH);

    private TimeWords() {
    }

    public static Instant parse(String text, Instant now, ZoneId zone) {
        return read(text, now, zone).orElseThrow(() -> new UsageException("\"" + text + "\" is not a time I can read; use "
                + FORMATS + " (" + zone.getId() + ")"));
    }

    static Optional<Instant> read(String raw, Instant now, ZoneId zone) {
        String text = raw == null ? "" : raw.strip();
        if (text.equalsIgnoreCase("now")) return Optional.of(now);
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException ignored) {
            // not ISO with an offset
        }
        try {
            return Optional.of(LocalDateTime.parse(text, LOCAL).atZone(zone).toInstant());
        } catch (DateTimeParseException ignored) {
            // not a local date and time
        }
        ZonedDateTime local = now.atZone(zone);
        Matcher m = DAY_TIME.matcher(text);
        if (m.matches()) {
            Optional<DayOfWeek> day = dayNamed(m.group(1));
            Optional<LocalTime> time = timeOf(m.group(2));
            if (day.isEmpty() || time.isEmpty()) return Optional.empty();
            LocalDate date = local.toLocalDate();
            for (int i = 0; i < 8; i++, date = date.plusDays(1)) {
                ZonedDateTime at = date.atTime(time.get()).atZone(zone);
                if (date.getDayOfWeek() == day.get() && !at.toInstant().isBefore(now)) return Optional.of(at.toInstant());
            }
            return Optional.empty();
        }
        Optional<LocalTime> time = timeOf(text);
        if (time.isPresent()) {
            ZonedDateTime at = local.toLocalDate().atTime(time.get()).atZone(zone);
            return Optional.of(at.toInstant().isBefore(now) ? at.plusDays(1).toInstant() : at.toInstant());
        }
        return Optional.empty();
    }

    private static Optional<DayOfWeek> dayNamed(String word) {
        for (DayOfWeek d : DayOfWeek.values())
            if (d.name().equalsIgnoreCase(word) || d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(word))
                return Optional.of(d);
        return Optional.empty();
    }

    private static Optional<LocalTime> timeOf(String text) {
        if (!text.matches("\\d{1,2}:\\d{2}")) return Optional.empty();
        try {
            return Optional.of(LocalTime.parse(text.length() == 4 ? "0" + text : text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code Sat 2026-12-05 03:00 UTC}, in the calendar's zone. */
    public static String show(Instant at, ZoneId zone) {
        return SHOWN.format(at.atZone(zone));
    }
}
