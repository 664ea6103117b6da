package pdmbot.storage.environments;

import java.time.Instant;
import java.util.Objects;
import pdmbot.domain.Environment;
import pdmbot.domain.PackageVersion;

/** The package an environment runs, and when that was recorded. */
public record Deployment(Environment environment, PackageVersion packageVersion, Instant recordedAt) {
    public Deployment {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(packageVersion, "packageVersion");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
