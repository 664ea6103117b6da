package pdmbot.promote;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import pdmbot.world.AutoDeployPackage;

/**
 * What a release manager asked to deploy: a package, or a bare commit (where no package is built from it).
 * {@code name} is what goes to the deploy pipeline as {@code DEPLOY_VERSION}; {@code at} is when it was built
 * (or authored), to find the nearest package.
 */
public record Candidate(String name, String sha, Optional<AutoDeployPackage> pkg, Instant at) {

    public Candidate {
        Objects.requireNonNull(name, "name");
        if (sha == null || !sha.matches("[0-9a-f]{40}")) throw new IllegalArgumentException("a full sha is required: " + sha);
        Objects.requireNonNull(pkg, "pkg");
        Objects.requireNonNull(at, "at");
    }

    static Candidate of(AutoDeployPackage pkg) {
        return new Candidate(pkg.version().toString(), pkg.commitSha(), Optional.of(pkg), pkg.version().builtAt());
    }

    /** {@code `16.7.…` (a9dea194d31)} or {@code commit a9dea194d31}. */
    public String describe() {
        return pkg.isPresent() ? "`" + name + "`" : "commit `" + sha.substring(0, 11) + "`";
    }
}
