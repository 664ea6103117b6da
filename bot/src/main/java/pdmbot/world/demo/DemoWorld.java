package pdmbot.world.demo;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.PendingMigrations;
import pdmbot.world.WorldException;
import pdmbot.world.git.GitPackageSource;

/**
 * The embedded default world: a generated git repository of a small Rails-like app under
 * {@code <dataDir>/demo/repo} and its environments in {@code <dataDir>/demo/state.json}. Generated once,
 * deterministically from a seed, then reused; the state evolves as the simulated pipeline records runs.
 */
public final class DemoWorld implements AutoCloseable {

    public static final long DEFAULT_SEED = 20231101L;
    private static final Logger LOG = LoggerFactory.getLogger(DemoWorld.class);

    private final Path directory;
    private final GitPackageSource packages;
    private final DemoStateFile state;
    private final DemoDeployments deployments;
    private final DemoDatabaseState databases;
    private final Duration generationTime;

    private DemoWorld(Path directory, GitPackageSource packages, DemoStateFile state, Duration generationTime) {
        this.directory = directory;
        this.packages = packages;
        this.state = state;
        this.deployments = new DemoDeployments(state);
        this.databases = new DemoDatabaseState(state);
        this.generationTime = generationTime;
    }

    public static DemoWorld ensure(Path dataDir) {
        return ensure(dataDir, DEFAULT_SEED);
    }

    /**
     * Opens {@code <dataDir>/demo}, generating it first when absent. An existing directory is reused whatever
     * seed made it; a damaged one is refused with {@link UnableToOpenDemoWorldException}, never overwritten.
     */
    public static DemoWorld ensure(Path dataDir, long seed) {
        Path demo = dataDir.resolve("demo");
        if (Files.exists(demo)) {
            DemoWorld existing = open(demo, null);
            if (existing.seed() != seed)
                LOG.info("reusing the demo world in {} generated with seed {} (asked for {}); delete it to regenerate",
                        demo, existing.seed(), seed);
            return existing;
        }
        long start = System.nanoTime();
        Path staging = generate(dataDir, seed);
        try {
            move(staging, demo);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException concurrent) {
            // another process generated it first: use theirs
            deleteQuietly(staging);
            return open(demo, null);
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new UnableToGenerateDemoWorldException("cannot move the generated demo world to " + demo + ": " + e.getMessage(), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("generated the demo world in {} with seed {} in {} ms", demo, seed, took.toMillis());
        return open(demo, took);
    }

    private static Path generate(Path dataDir, long seed) {
        Path staging = null;
        try {
            Files.createDirectories(dataDir);
            staging = Files.createTempDirectory(dataDir, ".demo-generating-");
            DemoPlan plan = DemoHistory.plan(seed);
            List<AutoDeployPackage> written = DemoRepositoryWriter.write(staging.resolve("repo"), plan);
            DemoStateFile.write(staging.resolve("state.json"), DemoStatePlanner.initial(plan, written));
            return staging;
        } catch (IOException | GitAPIException | WorldException e) {
            if (staging != null) deleteQuietly(staging);
            throw new UnableToGenerateDemoWorldException("cannot generate the demo world under " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static DemoWorld open(Path demo, Duration generationTime) {
        String advice = "; move " + demo + " away or delete it to generate a fresh demo world";
        if (!Files.isDirectory(demo)) throw new UnableToOpenDemoWorldException(demo + " is not a directory" + advice);
        DemoStateFile state;
        GitPackageSource packages;
        try {
            state = DemoStateFile.load(demo.resolve("state.json"));
            packages = GitPackageSource.open(demo.resolve("repo"));
        } catch (WorldException e) {
            throw new UnableToOpenDemoWorldException(demo + " is damaged: " + e.getMessage() + advice, e);
        }
        try {
            List<AutoDeployPackage> known = packages.packages();
            if (known.isEmpty()) throw new UnableToOpenDemoWorldException(demo + "/repo has no package tags" + advice);
            Set<String> shas = known.stream().map(AutoDeployPackage::commitSha).collect(Collectors.toSet());
            state.read().deployments().forEach((environment, deployed) -> {
                if (!shas.contains(deployed.commitSha()))
                    throw new UnableToOpenDemoWorldException(demo + " is damaged: " + environment + " runs "
                            + deployed.version() + ", which is not a package of the repository" + advice);
            });
        } catch (RuntimeException e) {
            packages.close();
            if (e instanceof UnableToOpenDemoWorldException) throw e;
            throw new UnableToOpenDemoWorldException(demo + " is damaged: " + e.getMessage() + advice, e);
        }
        return new DemoWorld(demo, packages, state, generationTime);
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not remove {}: {}", directory, e.getMessage());
        }
    }

    public GitPackageSource packages() {
        return packages;
    }

    public DemoDeployments deployments() {
        return deployments;
    }

    public DemoDatabaseState databases() {
        return databases;
    }

    /** What is pending, with the databases as {@code databasesOf} (the classification's) answers. */
    public PendingMigrations pendingMigrations(PendingMigrations.DatabasesOf databasesOf) {
        return new PendingMigrations(packages, deployments, databases, databasesOf);
    }

    /** {@code <dataDir>/demo}. */
    public Path directory() {
        return directory;
    }

    public Path repository() {
        return directory.resolve("repo");
    }

    public Path stateFile() {
        return state.path();
    }

    /** The seed the world was generated with (recorded in its state). */
    public long seed() {
        return state.read().seed();
    }

    /** Whether this call generated the world (false when it reused an existing one). */
    public boolean wasGenerated() {
        return generationTime != null;
    }

    /** How long generation took; zero when the world was reused. */
    public Duration generationTime() {
        return generationTime == null ? Duration.ZERO : generationTime;
    }

    @Override
    public void close() {
        packages.close();
    }
}
