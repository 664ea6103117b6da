package pdmbot.config;

import java.util.Optional;
import pdmbot.domain.Environment;

/**
 * An environment the bot does not know by itself (a Cells ring, say), defined under {@code run.environments} so that a
 * target can name it: whether it serves users ({@code production}, true unless said otherwise: it then gets the
 * production checks' treatment), whether it has post-deploy migrations, the deployment environment that records them
 * ({@code db/<id>} unless said otherwise), the deployer's {@code DEPLOY_ENVIRONMENT} for it ({@code <id>}) and the
 * project of its own QA pipeline, if it has one (else {@code world.gitlab.qa-pipeline-project}).
 */
public record RunEnvironment(String id, Boolean production, Boolean postDeployMigrations, String databaseEnvironment,
                             String deployEnvironment, String qaPipeline) {

    public RunEnvironment {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("id: is required (e.g. cells-ring-0)");
        id = id.trim().toLowerCase();
        if (!id.matches("[a-z0-9][a-z0-9._-]*"))
            throw new IllegalArgumentException("id: '" + id + "' is not an environment id (lower-case letters, digits, '.', '_', '-')");
        if (production == null) production = true;
        if (postDeployMigrations == null) postDeployMigrations = true;
        if (databaseEnvironment == null || databaseEnvironment.isBlank()) databaseEnvironment = "db/" + id;
        if (deployEnvironment == null || deployEnvironment.isBlank()) deployEnvironment = id;
        if (qaPipeline != null && qaPipeline.isBlank()) qaPipeline = null;
    }

    /** The environment this defines, one per process for the same definition. */
    public Environment define() {
        return Environment.define(new Environment.Definition(id, production, postDeployMigrations, databaseEnvironment,
                deployEnvironment, Optional.ofNullable(qaPipeline)));
    }
}
