package pdmbot.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A GitLab emulator on loopback: GitLab's REST API v4 for the calls a PDM client makes, backed by real git
 * repositories and a state folder that survives restarts. Start it, seed it through {@link #seed()}, point a GitLab
 * client at {@link #url()} with a seeded token.
 *
 * <pre>
 * try (Emulator gitlab = Emulator.start(folder, 0, EmulatorClock.system(), EmulatorSettings.defaults())) {
 *     gitlab.seed().user("root", "Administrator", true);
 *     gitlab.seed().token("glpat-…", "root", "api");
 *     new GitLabApi(gitlab.url(), "glpat-…");
 * }
 * </pre>
 */
public final class Emulator implements AutoCloseable {

    private final EmulatorWorld world;
    private final EmulatorServer server;
    private final EmulatorSeed seed;

    private Emulator(EmulatorWorld world, EmulatorServer server) {
        this.world = world;
        this.server = server;
        this.seed = new EmulatorSeed(world);
    }

    /**
     * Opens {@code folder} (created when absent; its {@code state.json} and repositories reloaded when present) and
     * listens on 127.0.0.1:{@code port} (0: any free port). An empty {@code webUrl} in the settings means the
     * emulator's own URL.
     */
    public static Emulator start(Path folder, int port, EmulatorClock clock, EmulatorSettings settings) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UnableToStartEmulatorException("cannot create " + folder + ": " + e.getMessage(), e);
        }
        EmulatorState state = StateFile.load(folder);
        EmulatorWorld world = new EmulatorWorld(folder.toAbsolutePath(), state, clock, settings);
        world.restoreClock();
        try {
            EmulatorServer server = new EmulatorServer(world, port);
            if (settings.webUrl().isEmpty()) world.useWebUrl("http://127.0.0.1:" + server.port());
            return new Emulator(world, server);
        } catch (IOException e) {
            throw new UnableToStartEmulatorException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: what a GitLab client takes as the host URL (it adds /api/v4). */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public Path folder() {
        return world.folder();
    }

    public EmulatorSeed seed() {
        return seed;
    }

    public EmulatorClock clock() {
        return world.clock;
    }

    @Override
    public void close() {
        server.close();
        synchronized (world.lock) {
            world.save();
            world.close();
        }
    }
}
