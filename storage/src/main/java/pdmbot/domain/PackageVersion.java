package pdmbot.domain;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An auto-deploy package version: {@code MAJOR.MINOR.<UTC yyyyMMddHHmm>-<app sha 11>.<packaging sha 11>}. Release
 * tooling tags the omnibus project with {@code +} in place of the {@code -} ({@code Tag#omnibus_package} turns one
 * into the other), so both are read; it is always written with {@code -}.
 */
public record PackageVersion(int major, int minor, Instant builtAt, String appSha, String packagingSha)
        implements Comparable<PackageVersion> {

    public static final Pattern PATTERN =
            Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d{12})[-+]([0-9a-f]{11})\\.([0-9a-f]{11})");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
    private static final Comparator<PackageVersion> ORDER = Comparator
            .comparing(PackageVersion::builtAt)
            .thenComparing(PackageVersion::major)
            .thenComparing(PackageVersion::minor)
            .thenComparing(PackageVersion::appSha)
            .thenComparing(PackageVersion::packagingSha);

    public PackageVersion {
        if (major < 0 || minor < 0) throw new IllegalArgumentException("negative version component");
        if (builtAt == null) throw new IllegalArgumentException("builtAt is required");
        if (appSha == null || !appSha.matches("[0-9a-f]{11}"))
            throw new IllegalArgumentException("app sha must be 11 hex characters: " + appSha);
        if (packagingSha == null || !packagingSha.matches("[0-9a-f]{11}"))
            throw new IllegalArgumentException("packaging sha must be 11 hex characters: " + packagingSha);
    }

    /** Parses a version; empty when the text is not an auto-deploy package version. */
    public static Optional<PackageVersion> parse(String text) {
        if (text == null) return Optional.empty();
        Matcher m = PATTERN.matcher(text.trim());
        if (!m.matches()) return Optional.empty();
        try {
            Instant built = LocalDateTime.parse(m.group(3), STAMP).toInstant(ZoneOffset.UTC);
            return Optional.of(new PackageVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    built, m.group(4), m.group(5)));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Finds a version embedded in a longer text such as a ref name ({@code refs/tags/16.6.2023...}). */
    public static Optional<PackageVersion> find(String text) {
        if (text == null) return Optional.empty();
        Matcher m = PATTERN.matcher(text);
        while (m.find()) {
            Optional<PackageVersion> v = parse(m.group());
            if (v.isPresent()) return v;
        }
        return Optional.empty();
    }

    /** The milestone this package belongs to, e.g. {@code 16.6}. */
    public String milestone() {
        return major + "." + minor;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + STAMP.format(LocalDateTime.ofInstant(builtAt, ZoneOffset.UTC))
                + "-" + appSha + "." + packagingSha;
    }

    @Override
    public int compareTo(PackageVersion other) {
        return ORDER.compare(this, other);
    }
}
