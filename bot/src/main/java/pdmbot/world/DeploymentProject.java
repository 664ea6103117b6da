package pdmbot.world;

/** The projects that track {@code db/gstg} and {@code db/gprd} deployments: the canonical and the security one. */
public enum DeploymentProject {
    CANONICAL("canonical"),
    SECURITY("security");

    private final String id;

    DeploymentProject(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
