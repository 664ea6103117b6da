package pdmbot.ledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;

/**
 * Writes a large auto-deploy history straight into a git object database (no working tree): one commit per
 * package, each adding post-deploy migrations, each tagged with its package version. Deterministic per seed.
 */
final class BenchRepository implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
    private static final String[] VERBS = {"add_index", "remove_column", "queue_backfill", "finalize_backfill", "drop_table",
            "update_rows", "add_foreign_key", "prepare_async_index", "cleanup", "swap_columns"};
    private static final String[] TABLES = {"ci_builds", "merge_requests", "issues", "notes", "projects", "users",
            "namespaces", "ci_pipelines", "events", "todos", "deployments", "vulnerabilities"};
    private static final String[] AUTHORS = {"Ada Lovelace", "Grace Hopper", "Alan Turing", "Barbara Liskov", "Edsger Dijkstra"};

    private final Git git;
    private final Repository repository;
    private final Random random;
    private final TreeMap<String, ObjectId> postMigrations = new TreeMap<>();
    private ObjectId readme;
    private ObjectId head;
    private Instant clock = Instant.parse("2023-01-02T00:00:00Z");
    private int migrationCounter;
    private long versionClock = 20230102000000L;

    private BenchRepository(Git git, long seed) {
        this.git = git;
        this.repository = git.getRepository();
        this.random = new Random(seed);
    }

    static BenchRepository create(Path directory, long seed) throws GitAPIException, IOException {
        Git git = Git.init().setDirectory(directory.toFile()).setBare(true).call();
        // the bench measures the ledger, not zlib: store objects with the fastest compression
        git.getRepository().getConfig().setInt("core", null, "compression", 1);
        git.getRepository().getConfig().save();
        return new BenchRepository(git, seed);
    }

    Path directory() {
        return repository.getDirectory().toPath();
    }

    /** Adds {@code packages} packages carrying {@code migrations} migrations in all, spread unevenly. */
    List<String> addPackages(int packages, int migrations) throws IOException {
        List<String> versions = new ArrayList<>();
        List<ObjectId> commits = new ArrayList<>();
        int left = migrations;
        // one pack for the whole history: thousands of loose objects would make generation the slow part
        try (ObjectInserter inserter = packInserter()) {
            for (int i = 0; i < packages; i++) {
                int remainingPackages = packages - i;
                int count = remainingPackages == 1 ? left : Math.min(left, random.nextInt(Math.max(1, 2 * left / remainingPackages) + 1));
                left -= count;
                versions.add(commitPackage(count, inserter));
                commits.add(head);
            }
            inserter.flush();
        }
        for (int i = 0; i < versions.size(); i++) tag(versions.get(i), commits.get(i));
        return versions;
    }

    /** One commit adding {@code count} migrations, tagged as the next package; returns its version. */
    String addPackage(int count) throws IOException {
        String version;
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            version = commitPackage(count, inserter);
            inserter.flush();
        }
        tag(version, head);
        return version;
    }

    private ObjectInserter packInserter() {
        if (repository.getObjectDatabase() instanceof org.eclipse.jgit.internal.storage.file.ObjectDirectory directory) {
            org.eclipse.jgit.internal.storage.file.PackInserter inserter = directory.newPackInserter();
            inserter.checkExisting(false);
            return inserter;
        }
        return repository.newObjectInserter();
    }

    private void tag(String version, ObjectId commit) throws IOException {
        RefUpdate tag = repository.updateRef(Constants.R_TAGS + version);
        tag.setNewObjectId(commit);
        tag.setForceUpdate(true);
        tag.update();
        RefUpdate branch = repository.updateRef(Constants.R_HEADS + "master");
        branch.setNewObjectId(commit);
        branch.setForceUpdate(true);
        branch.update();
    }

    private String commitPackage(int count, ObjectInserter inserter) throws IOException {
        List<String> added = new ArrayList<>();
        {
            if (readme == null) readme = inserter.insert(Constants.OBJ_BLOB, "# bench app\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < count; i++) {
                String verb = VERBS[random.nextInt(VERBS.length)];
                String table = TABLES[random.nextInt(TABLES.length)];
                versionClock = normalise(versionClock + 1 + random.nextInt(50));
                String version = Long.toString(versionClock);
                String name = verb + "_" + table + "_" + (++migrationCounter);
                String file = version + "_" + name + ".rb";
                postMigrations.put(file, inserter.insert(Constants.OBJ_BLOB, source(name, verb, table).getBytes(StandardCharsets.UTF_8)));
                added.add(file);
            }
            TreeFormatter post = new TreeFormatter();
            for (Map.Entry<String, ObjectId> f : postMigrations.entrySet()) post.append(f.getKey(), FileMode.REGULAR_FILE, f.getValue());
            ObjectId postTree = inserter.insert(post);
            TreeFormatter db = new TreeFormatter();
            db.append("post_migrate", FileMode.TREE, postTree);
            ObjectId dbTree = inserter.insert(db);
            TreeFormatter root = new TreeFormatter();
            root.append("README.md", FileMode.REGULAR_FILE, readme);
            root.append("db", FileMode.TREE, dbTree);
            ObjectId rootTree = inserter.insert(root);
            clock = clock.plusSeconds(3600 + random.nextInt(3600));
            String author = AUTHORS[random.nextInt(AUTHORS.length)];
            PersonIdent who = new PersonIdent(author, author.toLowerCase().replace(' ', '.') + "@example.com", clock, ZoneOffset.UTC);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(rootTree);
            if (head != null) commit.setParentId(head);
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage((added.isEmpty() ? "Change application code" : "Add " + String.join(", ", added))
                    + "\n\nSee merge request gitlab-org/gitlab!" + (100000 + migrationCounter) + "\n");
            head = inserter.insert(commit);
        }
        String version = "17." + (1 + (int) ((clock.getEpochSecond() / 2_592_000) % 11)) + "."
                + STAMP.format(LocalDateTime.ofInstant(clock, ZoneOffset.UTC)) + "-" + head.name().substring(0, 11)
                + "." + String.format("%011x", random.nextLong() & 0xfffffffffffL);
        return version;
    }

    /** Every migration file name written so far. */
    List<String> migrationFiles() {
        return new ArrayList<>(postMigrations.keySet());
    }

    private static long normalise(long stamp) {
        // keep the 14 digits a valid-looking timestamp: minutes and seconds under 60
        if (stamp % 100 >= 60) stamp += 100 - stamp % 100;
        if ((stamp / 100) % 100 >= 60) stamp += 10000 - ((stamp / 100) % 100) * 100;
        if ((stamp / 10000) % 100 >= 24) stamp += 1000000 - ((stamp / 10000) % 100) * 10000;
        return stamp;
    }

    private static String source(String name, String verb, String table) {
        StringBuilder camel = new StringBuilder();
        for (String part : name.split("_")) camel.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        String body = switch (verb) {
            case "add_index" -> "add_concurrent_index :" + table + ", :created_at, name: 'idx_" + name + "'";
            case "remove_column" -> "remove_column :" + table + ", :legacy_" + name;
            case "queue_backfill" -> "queue_batched_background_migration('Backfill" + camel + "', :" + table + ", :id)";
            case "finalize_backfill" -> "ensure_batched_background_migration_is_finished(job_class_name: 'B', table_name: :" + table
                    + ", column_name: :id, job_arguments: [])";
            case "drop_table" -> "drop_table :" + table + "_legacy";
            case "update_rows" -> "update_column_in_batches(:" + table + ", :flag, false)";
            case "add_foreign_key" -> "add_concurrent_foreign_key :" + table + ", :projects, column: :project_id";
            case "prepare_async_index" -> "prepare_async_index :" + table + ", :id, name: 'idx_" + name + "'";
            default -> "# no-op";
        };
        return "# frozen_string_literal: true\n\nclass " + camel + " < Gitlab::Database::Migration[2.2]\n  milestone '17.0'\n"
                + "  disable_ddl_transaction!\n\n  def up\n    " + body + "\n  end\n\n  def down\n    # no-op\n  end\nend\n";
    }

    @Override
    public void close() {
        git.close();
    }
}
