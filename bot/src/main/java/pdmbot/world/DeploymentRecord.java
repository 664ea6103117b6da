package pdmbot.world;

import java.util.Objects;
import pdmbot.domain.Environment;

/**
 * A deployment recorded on {@code db/gstg} or {@code db/gprd} of one project: its id there (what
 * {@link DeploymentRecords#finish} takes back), the package it records, and a link ({@code ""} without one).
 */
public record DeploymentRecord(DeploymentProject project, Environment environment, String id, String packageVersion,
                               String url) {

    public DeploymentRecord {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(environment, "environment");
        if (id == null || id.isBlank()) throw new IllegalArgumentException("deployment id is required");
        Objects.requireNonNull(packageVersion, "packageVersion");
        if (url == null) url = "";
    }

    /** {@code db/gstg} or {@code db/gprd}. */
    public String environmentName() {
        return environment.databaseEnvironment();
    }
}
