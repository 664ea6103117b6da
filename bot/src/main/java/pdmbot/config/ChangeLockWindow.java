package pdmbot.config;

/** A production change-lock window: ISO-8601 instants with an offset, e.g. {@code 2026-12-23T00:00:00Z}. */
public record ChangeLockWindow(String name, String from, String until, String reason) {
    public ChangeLockWindow {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name: a change lock needs a name");
        java.time.Instant start = instant("from", from);
        java.time.Instant end = instant("until", until);
        if (!end.isAfter(start)) throw new IllegalArgumentException("until: must be after from (" + from + ")");
        if (reason == null) reason = "";
    }

    private static java.time.Instant instant(String key, String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException(key + ": is required (e.g. 2026-12-23T00:00:00Z)");
        try {
            return java.time.OffsetDateTime.parse(text.trim()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a date-time like 2026-12-23T00:00:00Z");
        }
    }

    public java.time.Instant fromInstant() {
        return instant("from", from);
    }

    public java.time.Instant untilInstant() {
        return instant("until", until);
    }
}
