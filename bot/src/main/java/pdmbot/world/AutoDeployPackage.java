package pdmbot.world;

import java.util.Objects;
import pdmbot.domain.PackageVersion;

/** An auto-deploy package as the world knows it: its version, the full commit sha it was built from, its ref. */
public record AutoDeployPackage(PackageVersion version, String commitSha, String refName)
        implements Comparable<AutoDeployPackage> {

    public AutoDeployPackage {
        Objects.requireNonNull(version, "version");
        if (commitSha == null || !commitSha.matches("[0-9a-f]{40}"))
            throw new IllegalArgumentException("a commit sha has 40 hex characters: " + commitSha);
        if (refName == null || refName.isBlank()) throw new IllegalArgumentException("ref name is required");
    }

    @Override
    public int compareTo(AutoDeployPackage other) {
        int byVersion = version.compareTo(other.version);
        return byVersion != 0 ? byVersion : refName.compareTo(other.refName);
    }

    @Override
    public String toString() {
        return version.toString();
    }
}
