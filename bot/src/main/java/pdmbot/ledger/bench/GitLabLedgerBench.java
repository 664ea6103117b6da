package pdmbot.ledger.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import pdmbot.domain.PackageVersion;
import pdmbot.ledger.LedgerIngestion;
import pdmbot.storage.Database;
import pdmbot.storage.StorageSettings;
import pdmbot.world.gitlab.GitLabSettings;
import pdmbot.world.gitlab.GitLabWorld;

/**
 * {@code bench ledger --world gitlab}: ledger ingestion through the GitLab world under GitLab.com's package
 * convention, against a loopback stand-in ({@link BenchGitLab}); reports the GitLab calls one new package costs
 * (goal: at most 3 for the package itself, plus a fixed number per migration it brings). Prints JSON lines;
 * asserts nothing.
 */
public final class GitLabLedgerBench {

    private GitLabLedgerBench() {
    }

    public static void run(PrintStream out, int packages, int migrationsPerPackage) throws Exception {
        Path work = Files.createTempDirectory("pdm-bench-gitlab-ledger-");
        try (BenchGitLab gitlab = new BenchGitLab()) {
            for (int i = 0; i < packages; i++) gitlab.addPackage(migrationsPerPackage);
            GitLabSettings settings = new GitLabSettings(gitlab.url(), "gitlab-org/gitlab", BenchGitLab.SECURITY,
                    "gitlab-com/gl-infra/production", "bench-token-not-secret", "(bench)", Duration.ofSeconds(10),
                    Optional.empty(), PackageVersion.PATTERN).withPackages(GitLabSettings.Packages.GITLAB_COM);
            try (GitLabWorld world = GitLabWorld.open(settings);
                 Database database = Database.open(StorageSettings.h2(work.resolve("data")), Clock.systemUTC())) {
                LedgerIngestion ingestion = new LedgerIngestion(world.packages(), database.stores().ledger(),
                        database.stores().releaseNotes(), markdown -> "not posted");
                long t0 = System.nanoTime();
                LedgerIngestion.Report full = ingestion.catchUp();
                long calls = world.requestsSent();
                print(out, "full_ingestion_s", (System.nanoTime() - t0) / 1e9, "s", full.ingested().size()
                        + " packages, " + full.changes() + " changes, " + calls + " GitLab calls");

                gitlab.resetCounts();
                gitlab.addPackage(migrationsPerPackage);
                long before = world.requestsSent();
                long t1 = System.nanoTime();
                LedgerIngestion.Report one = ingestion.catchUp();
                long took = System.nanoTime() - t1;
                long perPackage = world.requestsSent() - before;
                Map<String, Long> byEndpoint = gitlab.requests();
                long perMigration = byEndpoint.getOrDefault("file", 0L) + byEndpoint.getOrDefault("commits_touching", 0L);
                print(out, "incremental_ingestion_ms", took / 1e6, "ms", one.ingested().size() + " new package with "
                        + migrationsPerPackage + " migrations");
                print(out, "calls_per_new_package", perPackage, "calls", "all GitLab calls for one new package: "
                        + byEndpoint);
                print(out, "package_calls_per_new_package", perPackage - perMigration, "calls",
                        "tags page + compare, + rails commit only when the tag message has no VERSION line (goal <= 3)");
                print(out, "calls_per_new_migration", migrationsPerPackage == 0 ? 0
                        : (double) perMigration / migrationsPerPackage, "calls", "raw file (content hash) + last commit touching it");
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static final Pattern QUOTE = Pattern.compile("\"");

    private static void print(PrintStream out, String metric, double value, String unit, String note) {
        out.println(String.format(Locale.ROOT, "{\"bench\": \"ledger-gitlab\", \"metric\": \"%s\", \"value\": %s, "
                        + "\"unit\": \"%s\", \"note\": \"%s\"}", metric,
                value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3f", value), unit,
                QUOTE.matcher(note).replaceAll("'")));
    }
}
