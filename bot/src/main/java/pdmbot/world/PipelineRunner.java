package pdmbot.world;

import java.util.List;
import java.util.Map;
import pdmbot.domain.Environment;

/**
 * Runs the post-deploy migration pipeline of an environment (on GitLab: the deployer's PDM pipeline, which runs
 * {@code db:migrate} with post-deploy migrations on every logical database of the environment).
 */
public interface PipelineRunner {

    /**
     * Starts the PDM pipeline for gstg or gprd with the given variables. {@code effectKey} identifies this start
     * (run, step and attempt): calling again with the same key must return the pipeline already started, not
     * start another (the bot calls again after a crash between starting and recording). Throws an unchecked
     * {@link WorldException} subclass when the pipeline cannot be started.
     */
    PipelineHandle startPostDeployMigrations(Environment environment, Map<String, String> variables, String effectKey);

    /**
     * As {@link #startPostDeployMigrations(Environment, Map, String)}, limited to {@code versions} (a run of a subset,
     * {@code pdm execute --only}): the pipeline runs only those of the pending migrations, each on every database it is
     * pending on. An empty set runs every pending migration. A world that cannot limit its pipeline refuses.
     */
    default PipelineHandle startPostDeployMigrations(Environment environment, Map<String, String> variables,
                                                     java.util.Set<String> versions, String effectKey) {
        if (!versions.isEmpty())
            throw new UnsupportedOperationException("this world's post-deploy migration pipeline cannot be limited to some versions");
        return startPostDeployMigrations(environment, variables, effectKey);
    }

    /** Where the pipeline is now. Throws a {@link WorldException} subclass when it cannot be read. */
    PipelineStatus status(PipelineHandle pipeline);

    /**
     * What the finished pipeline's job logs say of each migration it ran: how long it took, or that it was the one
     * that failed ({@link MigrationLog}). Empty when the world keeps no job logs. Throws a {@link WorldException}
     * subclass when they cannot be read.
     */
    default List<MigrationTiming> migrationTimings(PipelineHandle pipeline) {
        return List.of();
    }
}
