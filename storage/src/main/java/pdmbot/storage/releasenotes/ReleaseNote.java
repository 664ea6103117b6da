package pdmbot.storage.releasenotes;

import java.time.Instant;
import java.util.Objects;
import pdmbot.domain.PackageVersion;

/** A note posted on the release issue for a package. */
public record ReleaseNote(PackageVersion packageVersion, Instant postedAt, String body) {
    public ReleaseNote {
        Objects.requireNonNull(packageVersion, "packageVersion");
        Objects.requireNonNull(postedAt, "postedAt");
        Objects.requireNonNull(body, "body");
    }
}
