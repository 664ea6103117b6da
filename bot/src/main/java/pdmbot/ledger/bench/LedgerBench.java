package pdmbot.ledger.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import pdmbot.chat.ChatCore;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.RoleDirectory;
import pdmbot.chat.Role;
import pdmbot.chat.Router;
import pdmbot.ledger.Ledger;
import pdmbot.ledger.LedgerIngestion;
import pdmbot.ledger.MigrationPackageCommand;
import pdmbot.storage.Database;
import pdmbot.storage.StorageSettings;
import pdmbot.world.DatabaseState;
import pdmbot.world.MigrationRun;
import pdmbot.world.World;
import pdmbot.world.git.GitPackageSource;

/**
 * {@code bench ledger}: a generated repository of 2,000 packages and 5,000 post-deploy migrations, ingested into an
 * H2 file store; then the answer to "which package introduced this migration" from the ledger, against the same
 * answer from git itself ({@code git log --diff-filter=A} plus {@code git tag --contains}), the release manager's way.
 * Prints JSON lines; asserts nothing.
 */
public final class LedgerBench {

    private LedgerBench() {
    }

    public static void run(PrintStream out, int packages, int migrations, int queries, int baselineSamples)
            throws Exception {
        Path work = Files.createTempDirectory("pdm-bench-ledger-");
        try {
            long started = System.nanoTime();
            List<String> files;
            try (BenchRepository repo = BenchRepository.create(work.resolve("repo.git"), 2026)) {
            repo.addPackages(packages, migrations);
            files = repo.migrationFiles();
            print(out, "repository_generation_s", seconds(System.nanoTime() - started), "s",
                    packages + " packages, " + files.size() + " post-deploy migrations");

            try (GitPackageSource source = GitPackageSource.open(work.resolve("repo.git"));
                 Database database = Database.open(StorageSettings.h2(work.resolve("data")), Clock.systemUTC())) {
                World world = new World("bench", source, env -> java.util.Optional.empty(), new NoRuns(), markdown -> "not posted");
                LedgerIngestion ingestion = new LedgerIngestion(source, database.stores().ledger(), database.stores().releaseNotes(),
                        world.releaseNotes());
                long t0 = System.nanoTime();
                LedgerIngestion.Report full = ingestion.catchUp();
                double fullSeconds = seconds(System.nanoTime() - t0);
                print(out, "full_ingestion_s", fullSeconds, "s", full.ingested().size() + " packages, " + full.changes() + " changes, H2 file store");
                print(out, "full_ingestion_packages_per_s", full.ingested().size() / fullSeconds, "packages/s", "");

                repo.addPackage(3);
                long t1 = System.nanoTime();
                LedgerIngestion.Report one = ingestion.catchUp();
                long incremental = System.nanoTime() - t1;
                if (one.ingested().size() != 1) throw new IllegalStateException("expected one new package, ingested " + one.ingested());
                print(out, "incremental_ingestion_ms", incremental / 1_000_000.0, "ms", "one new package with 3 migrations");

                Ledger ledger = new Ledger(database.stores().ledger(), world, ingestion, Duration.ofHours(1));
                ledger.refresh();
                ChatCore core = new ChatCore(new Router(List.of(new MigrationPackageCommand(ledger))),
                        (RoleDirectory) (p, u) -> Role.EVERYONE, (r, c, o, d, id, took) -> { });
                Random random = new Random(7);
                List<String> refs = new ArrayList<>();
                for (String file : files) refs.add(refFor(file, random));
                for (int i = 0; i < 500; i++) core.handle(ChatRequest.of("bench", "u", "migration package " + refs.get(random.nextInt(refs.size()))));
                long[] micros = new long[queries];
                for (int i = 0; i < queries; i++) {
                    String ref = refs.get(random.nextInt(refs.size()));
                    long q = System.nanoTime();
                    if (!core.handle(ChatRequest.of("bench", "u", "migration package " + ref)).isOk())
                        throw new IllegalStateException("the bench's own ref did not resolve: " + ref);
                    micros[i] = (System.nanoTime() - q) / 1000;
                }
                Arrays.sort(micros);
                long p50 = micros[queries / 2];
                long p99 = micros[(int) (queries * 0.99) - 1];
                print(out, "migration_package_p50_us", p50, "us", queries + " random refs (version, class name, file name) through the chat core");
                print(out, "migration_package_p99_us", p99, "us", "");

                double baselineMs = baseline(work.resolve("repo.git"), files, random, baselineSamples);
                if (baselineMs < 0) {
                    print(out, "git_baseline_ms", -1, "ms", "git is not installed: no baseline");
                } else {
                    print(out, "git_baseline_ms", baselineMs, "ms", "mean of " + baselineSamples
                            + " x (git log --diff-filter=A -- <file>, then git tag --contains <sha> --sort=creatordate)");
                    print(out, "speedup_vs_git_p50", baselineMs * 1000 / Math.max(1, p50), "x", "git baseline / ledger p50");
                }
            }
            }
        } finally {
            delete(work);
        }
    }

    private static String refFor(String file, Random random) {
        String version = file.substring(0, 14);
        String name = file.substring(15, file.length() - 3);
        int kind = random.nextInt(3);
        if (kind == 0) return version;
        if (kind == 1) return file;
        StringBuilder camel = new StringBuilder();
        for (String part : name.split("_")) camel.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return camel.toString();
    }

    private static double baseline(Path repo, List<String> files, Random random, int samples) {
        try {
            long total = 0;
            for (int i = 0; i < samples; i++) {
                String file = files.get(random.nextInt(files.size()));
                long t = System.nanoTime();
                String sha = git(repo, "log", "--diff-filter=A", "--format=%H", "master", "--", "db/post_migrate/" + file).trim();
                String[] tags = git(repo, "tag", "--contains", sha, "--sort=creatordate").trim().split("\n");
                total += System.nanoTime() - t;
                if (sha.isEmpty() || tags.length == 0 || tags[0].isBlank()) throw new IllegalStateException("baseline found nothing for " + file);
            }
            return total / 1_000_000.0 / samples;
        } catch (IOException e) {
            return -1;
        }
    }

    private static String git(Path repo, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "--git-dir", repo.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void print(PrintStream out, String metric, double value, String unit, String note) {
        out.println(String.format(Locale.ROOT, "{\"bench\": \"ledger\", \"metric\": \"%s\", \"value\": %s, \"unit\": \"%s\", \"note\": \"%s\"}",
                metric, value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3f", value), unit,
                note.replace("\"", "'")));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void delete(Path work) throws IOException {
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The bench world has no environments: nothing ran anywhere. */
    private static final class NoRuns implements DatabaseState {
        @Override
        public List<MigrationRun> ranOn(pdmbot.domain.Environment environment, pdmbot.domain.LogicalDatabase database) {
            return List.of();
        }

        @Override
        public void recordRun(pdmbot.domain.Environment environment, pdmbot.domain.LogicalDatabase database, String version,
                              java.time.Instant ranAt) {
            throw new UnsupportedOperationException("the bench world records no runs");
        }
    }
}
