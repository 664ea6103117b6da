package pdmbot.world;

import java.util.Objects;

/** The ports the bot's features talk to, for one world: the demo, a local git checkout, or GitLab. */
public record World(String description, PackageSource packages, Deployments deployments, DatabaseState databases,
                    ReleaseNotes releaseNotes) {

    public World {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(packages, "packages");
        Objects.requireNonNull(deployments, "deployments");
        Objects.requireNonNull(databases, "databases");
        Objects.requireNonNull(releaseNotes, "releaseNotes");
    }
}
