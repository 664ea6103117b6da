package pdmbot.world.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import pdmbot.emulator.Emulator;
import pdmbot.emulator.EmulatorClock;
import pdmbot.emulator.EmulatorSettings;
import pdmbot.world.gitlab.GitLabSettings;

/**
 * The demo world's GitLab: an emulator on 127.0.0.1 (a free port) over {@code <data>/demo/gitlab-emulator}, seeded
 * from the demo plan at the first start and reopened afterwards. One process on a data folder owns it (it holds the
 * lock file {@code emulator.lock} and writes its URL and token to {@code emulator.json}); every other process on the
 * same folder (a {@code say} beside the console) reaches that one over loopback instead of opening the state twice.
 */
public final class DemoGitLab implements AutoCloseable {

    public static final String FOLDER = "demo";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REACH = Duration.ofSeconds(30);

    private final String url;
    private final String token;
    private final Optional<Emulator> owned;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final Path endpoint;

    private DemoGitLab(String url, String token, Optional<Emulator> owned, FileChannel lockFile, FileLock lock, Path endpoint) {
        this.url = url;
        this.token = token;
        this.owned = owned;
        this.lockFile = lockFile;
        this.lock = lock;
        this.endpoint = endpoint;
    }

    /**
     * Starts the emulator of {@code dataDir} (seeding it from {@code seed} when empty), or reaches the one another
     * process on the folder started. {@code step} is how long each pipeline step takes (at least a millisecond).
     */
    public static DemoGitLab open(Path dataDir, long seed, Duration step) {
        Path folder = dataDir.resolve(FOLDER);
        Path endpoint = folder.resolve("emulator.json");
        FileChannel channel;
        try {
            Files.createDirectories(folder);
            channel = FileChannel.open(folder.resolve("emulator.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UnableToOpenDemoWorldException("cannot open the demo world in " + folder + ": " + e.getMessage(), e);
        }
        FileLock lock = tryLock(channel);
        if (lock == null) {
            closeQuietly(channel);
            return reach(endpoint, Instant.now().plus(REACH));
        }
        Emulator emulator = null;
        try {
            Duration pipelineStep = step.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : step;
            emulator = Emulator.start(folder.resolve("gitlab-emulator"), 0, EmulatorClock.system(),
                    EmulatorSettings.defaults().withPipelineStep(pipelineStep));
            DemoSeed.Seeded seeded = DemoSeed.ensure(emulator, seed);
            String body = JSON.createObjectNode().put("url", emulator.url()).put("token", seeded.token())
                    .put("pid", ProcessHandle.current().pid()).toString();
            AtomicFiles.replace(endpoint, body.getBytes(StandardCharsets.UTF_8), "the demo emulator's address");
            return new DemoGitLab(emulator.url(), seeded.token(), Optional.of(emulator), channel, lock, endpoint);
        } catch (RuntimeException e) {
            if (emulator != null) emulator.close();
            closeQuietly(channel);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // another bot in this JVM owns it: reach it like another process would
        } catch (IOException e) {
            throw new UnableToOpenDemoWorldException("cannot lock the demo world: " + e.getMessage(), e);
        }
    }

    /** The emulator another process owns: its address file, once it answers; it may still be seeding. */
    private static DemoGitLab reach(Path endpoint, Instant deadline) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String problem = "no address in " + endpoint;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (Files.exists(endpoint)) {
                    JsonNode address = JSON.readTree(Files.readString(endpoint));
                    String url = address.path("url").asText();
                    String token = address.path("token").asText();
                    HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(url + "/-/emulator/clock"))
                            .header("PRIVATE-TOKEN", token).timeout(Duration.ofSeconds(2)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (answer.statusCode() == 200) return new DemoGitLab(url, token, Optional.empty(), null, null, endpoint);
                    problem = url + " answered " + answer.statusCode();
                }
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + " " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pause();
        }
        throw new UnableToOpenDemoWorldException("another process holds the demo world of " + endpoint.getParent()
                + " but its GitLab emulator cannot be reached (" + problem + "); stop it or choose another --data");
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return url;
    }

    /** The emulator's admin token (generated at the first seed, kept in the data folder). */
    public String token() {
        return token;
    }

    /**
     * GitLab.com's conventions ({@code config/gitlab-com.yaml}: its projects, omnibus package tags, deployer and QA
     * pipelines, tracker labels, release issue) pointed at this emulator, which is seeded in that layout.
     */
    public GitLabSettings settings(Pattern refPattern) {
        return new GitLabSettings(url, DemoSeed.CANONICAL, DemoSeed.SECURITY, DemoSeed.PRODUCTION, token,
                "the demo emulator's token", Duration.ofSeconds(20), Optional.of(DemoSeed.RELEASE_TASKS + "#1"), refPattern,
                new GitLabSettings.Pipelines(DemoSeed.DEPLOYER, "master", DemoSeed.QA, "master"),
                new GitLabSettings.Packages(GitLabSettings.PackageConvention.OMNIBUS_TAGS, DemoSeed.OMNIBUS, "master"),
                GitLabSettings.Tracker.DEFAULT, GitLabSettings.Ops.SAME);
    }

    /**
     * What names this emulator for good, whatever port it listens on: a hash of its token, which is generated at the
     * seed, so a re-seeded emulator is another one (a cache of its answers must not be used for the new one).
     */
    public String identity() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return "demo emulator " + java.util.HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    /** Whether this process runs the emulator (false: it reached the one of another process). */
    public boolean owns() {
        return owned.isPresent();
    }

    /** Where the emulator keeps its state. */
    public Path folder() {
        return endpoint.getParent().resolve("gitlab-emulator");
    }

    @Override
    public void close() {
        if (owned.isEmpty()) return;
        try {
            Files.deleteIfExists(endpoint);
        } catch (IOException e) {
            // the next owner overwrites it
        }
        owned.get().close();
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(lockFile);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing held
        }
    }

    @Override
    public String toString() {
        return "DemoGitLab[" + url + (owns() ? ", owned" : ", reached") + "]";
    }
}
