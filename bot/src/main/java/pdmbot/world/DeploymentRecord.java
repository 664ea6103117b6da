package pdmbot.world;

import java.util.Objects;
import pdmbot.domain.Environment;

/**
 * A deployment recorded on {@code db/gstg} or {@code db/gprd} of one project: its id there (what
 * {@link DeploymentRecords#finish} takes back), the package it records, and a link ({@code ""} without one). A
 * project where nothing could be recorded (GitLab.com's canonical project when the package has no commit on its
 * master) gets a record whose id is {@link #NOT_RECORDED}; finishing it does nothing.
 */
public record DeploymentRecord(DeploymentProject project, Environment environment, String id, String packageVersion,
                               String url) {

    /** The id of a deployment the world did not record. */
    public static final String NOT_RECORDED = "none";

    public static DeploymentRecord notRecorded(DeploymentProject project, Environment environment, String packageVersion) {
        return new DeploymentRecord(project, environment, NOT_RECORDED, packageVersion, "");
    }

    public boolean isRecorded() {
        return !NOT_RECORDED.equals(id);
    }

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
