package pdmbot.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.config.DecideConfig;
import pdmbot.config.InvalidConfigurationException;

/** The traffic calendar: the default profile, the configured one, holidays, zones and the calendar file's errors. */
class TrafficCalendarTest {

    @TempDir
    Path dir;

    private static DecideConfig withFile(Path file) {
        return new DecideConfig(null, file.toString(), null, null, null, null, null, null, null);
    }

    @Test
    void the_default_profile_peaks_on_weekday_afternoons_and_is_low_at_night_and_at_weekends() {
        TrafficCalendar calendar = TrafficCalendar.gitLabComLike();

        assertThat(calendar.levelAt(Instant.parse("2026-12-01T15:00:00Z"))).isEqualTo(1.0);
        assertThat(calendar.levelAt(Instant.parse("2026-12-02T03:30:00Z"))).isLessThan(0.35);
        assertThat(calendar.levelAt(Instant.parse("2026-12-05T15:00:00Z"))).isLessThan(0.5);
    }

    @Test
    void a_calendar_file_sets_the_zone_holidays_and_a_days_levels() throws IOException {
        Path file = Files.writeString(dir.resolve("calendar.txt"), """
                # the release managers' calendar
                zone Europe/Amsterdam
                holiday 2026-12-25 Christmas Day
                load monday 0.1 0.1 0.1 0.1 0.1 0.1 0.1 0.1 0.1 0.1 0.1 0.1 0.1 0.1 0.1 0.1 0.1 0.1 0.1 0.1 0.1 0.1 0.1 0.9
                """);
        TrafficCalendar calendar = TrafficCalendar.of(withFile(file));

        assertThat(calendar.zone().getId()).isEqualTo("Europe/Amsterdam");
        assertThat(calendar.momentAt(Instant.parse("2026-12-25T10:00:00Z")).holiday()).isEqualTo("Christmas Day");
        assertThat(calendar.momentAt(Instant.parse("2026-12-25T10:00:00Z")).hour()).isEqualTo(11);
        assertThat(calendar.levelAt(Instant.parse("2026-11-30T22:30:00Z"))).isEqualTo(0.9); // Monday 23:30 in Amsterdam
    }

    @Test
    void a_calendar_file_with_a_bad_line_names_the_file_and_line_and_what_is_expected() throws IOException {
        Path file = Files.writeString(dir.resolve("calendar.txt"), "zone UTC\nholiday 2026-12-25 Christmas Day\nholliday 2026-12-26\n");

        assertThatThrownBy(() -> TrafficCalendar.of(withFile(file))).isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(file + ":3: \"holliday 2026-12-26\" is not a calendar line; expected `zone <id>`, "
                        + "`holiday <yyyy-mm-dd> <name>` or `load <day> <24 levels 0..1>`");
    }

    @Test
    void a_load_line_with_the_wrong_number_of_levels_or_a_bad_level_names_the_line() throws IOException {
        Path file = Files.writeString(dir.resolve("calendar.txt"), "load tuesday 0.1 0.2\n");
        assertThatThrownBy(() -> TrafficCalendar.of(withFile(file))).hasMessage(file + ":1: tuesday has 2 levels; expected 24 (one per hour, 0 to 1)");

        Path other = Files.writeString(dir.resolve("other.txt"), "\n\nholiday 25-12-2026 Christmas\n");
        assertThatThrownBy(() -> TrafficCalendar.of(withFile(other))).hasMessage(other + ":3: \"25-12-2026 Christmas\" is not a holiday; expected `<yyyy-mm-dd> <name>`");
    }

    @Test
    void a_configured_profile_day_replaces_the_default_and_a_bad_one_names_the_key() {
        String night = "0.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9";
        TrafficCalendar calendar = TrafficCalendar.of(new DecideConfig(null, null, Map.of("saturday", night), List.of("2026-12-24 Christmas Eve"),
                null, null, null, null, null));

        assertThat(calendar.levelAt(Instant.parse("2026-12-05T03:00:00Z"))).isEqualTo(0.9);
        assertThat(calendar.momentAt(Instant.parse("2026-12-24T03:00:00Z")).holiday()).isEqualTo("Christmas Eve");
        assertThatThrownBy(() -> TrafficCalendar.of(new DecideConfig(null, null, Map.of("caturday", night), null, null, null, null, null, null)))
                .hasMessage("decide.load-profile.caturday: \"caturday\" is not a day of the week; expected monday … sunday");
    }

    @Test
    void times_are_read_in_every_accepted_format() {
        Instant now = Instant.parse("2026-12-01T14:00:00Z"); // a Tuesday
        java.time.ZoneId utc = java.time.ZoneId.of("UTC");

        assertThat(TimeWords.parse("2026-12-05T03:00:00Z", now, utc)).isEqualTo(Instant.parse("2026-12-05T03:00:00Z"));
        assertThat(TimeWords.parse("2026-12-05T04:00:00+01:00", now, utc)).isEqualTo(Instant.parse("2026-12-05T03:00:00Z"));
        assertThat(TimeWords.parse("2026-12-05 03:00", now, utc)).isEqualTo(Instant.parse("2026-12-05T03:00:00Z"));
        assertThat(TimeWords.parse("saturday 03:00", now, utc)).isEqualTo(Instant.parse("2026-12-05T03:00:00Z"));
        assertThat(TimeWords.parse("Tue 13:00", now, utc)).isEqualTo(Instant.parse("2026-12-08T13:00:00Z"));
        assertThat(TimeWords.parse("03:00", now, utc)).isEqualTo(Instant.parse("2026-12-02T03:00:00Z"));
        assertThat(TimeWords.parse("now", now, utc)).isEqualTo(now);
        assertThatThrownBy(() -> TimeWords.parse("25:00", now, utc)).hasMessageContaining("\"25:00\" is not a time I can read");
    }
}
