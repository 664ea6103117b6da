package pdmbot.world.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.errors.GitAPIException;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.PendingMigrations;
import pdmbot.world.git.GitPackageSource;

/**
 * A local-checkout world (what {@code app/Worlds} opens for {@code --repo}) over the demo's generated history: the
 * git repository the emulator seed pushes ({@link DemoRepositoryWriter}) in {@code <dir>/repo}, and its starting
 * environments ({@link DemoStatePlanner}) as the local environment state in {@code <dir>/state.json}.
 */
public final class GeneratedCheckout implements AutoCloseable {

    private final Path directory;
    private final GitPackageSource packages;
    private final LocalEnvironmentState state;

    private GeneratedCheckout(Path directory, GitPackageSource packages, LocalEnvironmentState state) {
        this.directory = directory;
        this.packages = packages;
        this.state = state;
    }

    /** Generates the history of the demo's default seed under {@code dir}, then opens it. */
    public static GeneratedCheckout generate(Path dir) {
        return generate(dir, DemoSeed.DEFAULT_SEED);
    }

    public static GeneratedCheckout generate(Path dir, long seed) {
        try {
            Files.createDirectories(dir);
            DemoPlan plan = DemoHistory.plan(seed);
            List<AutoDeployPackage> written = DemoRepositoryWriter.write(dir.resolve("repo"), plan);
            DemoStateFile.write(dir.resolve("state.json"), DemoStatePlanner.initial(plan, written));
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("cannot generate the demo history under " + dir, e);
        }
        return open(dir);
    }

    /** Opens a checkout generated before, with whatever its state records since, as {@code --repo} reopens one. */
    public static GeneratedCheckout open(Path dir) {
        return new GeneratedCheckout(dir, GitPackageSource.open(dir.resolve("repo")),
                LocalEnvironmentState.openOrCreate(dir.resolve("state.json")));
    }

    public GitPackageSource packages() {
        return packages;
    }

    public DemoDeployments deployments() {
        return state.deployments();
    }

    public DemoDatabaseState databases() {
        return state.databases();
    }

    /** What is pending, with the databases as {@code databasesOf} (the classification's) answers. */
    public PendingMigrations pendingMigrations(PendingMigrations.DatabasesOf databasesOf) {
        return new PendingMigrations(packages, deployments(), databases(), databasesOf);
    }

    public Path directory() {
        return directory;
    }

    public Path repository() {
        return directory.resolve("repo");
    }

    public Path stateFile() {
        return directory.resolve("state.json");
    }

    @Override
    public void close() {
        packages.close();
    }
}
