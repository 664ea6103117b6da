package pdmbot.world;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pdmbot.domain.PackageVersion;

/** How a ref that matched the package pattern becomes a package version, for every package source. */
public final class PackageRefs {

    private static final Pattern MILESTONE = Pattern.compile("(\\d+)\\.(\\d+)");
    /** The packaging sha of a package whose ref does not carry one. */
    public static final String NO_PACKAGING_SHA = "00000000000";

    private PackageRefs() {
    }

    /**
     * The version of a ref: the auto-deploy version embedded in its name, or else one made from the milestone in
     * the name (0.0 without one), the commit's time to the minute and the commit's abbreviated sha.
     */
    public static PackageVersion versionOf(String refName, Instant committedAt, String commitSha) {
        return PackageVersion.find(refName).orElseGet(() -> {
            Matcher m = MILESTONE.matcher(refName);
            int major = 0;
            int minor = 0;
            if (m.find()) {
                try {
                    major = Integer.parseInt(m.group(1));
                    minor = Integer.parseInt(m.group(2));
                } catch (NumberFormatException tooLarge) {
                    major = 0;
                    minor = 0;
                }
            }
            return new PackageVersion(major, minor, committedAt.truncatedTo(ChronoUnit.MINUTES), commitSha.substring(0, 11),
                    NO_PACKAGING_SHA);
        });
    }
}
