package pdmbot.world.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;

/** A small git repository built by a test, one commit at a time. */
final class TestRepository implements AutoCloseable {

    private final Git git;
    private final Path root;
    private Instant clock = Instant.parse("2023-11-01T10:00:00Z");

    private TestRepository(Git git, Path root) {
        this.git = git;
        this.root = root;
    }

    static TestRepository init(Path root) throws GitAPIException {
        return new TestRepository(Git.init().setDirectory(root.toFile()).setInitialBranch("master").call(), root);
    }

    TestRepository write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return this;
    }

    TestRepository delete(String path) throws IOException {
        Files.delete(root.resolve(path));
        return this;
    }

    RevCommit commit(String message) throws GitAPIException {
        clock = clock.plusSeconds(3600);
        PersonIdent who = new PersonIdent("Ada Tester", "ada@example.com", clock, ZoneOffset.UTC);
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    void tag(String name) throws GitAPIException {
        git.tag().setName(name).setAnnotated(false).call();
    }

    void annotatedTag(String name) throws GitAPIException {
        PersonIdent who = new PersonIdent("Ada Tester", "ada@example.com", clock, ZoneOffset.UTC);
        git.tag().setName(name).setAnnotated(true).setMessage(name).setTagger(who).setSigned(false).call();
    }

    void branch(String name) throws GitAPIException {
        git.branchCreate().setName(name).call();
    }

    /** Inserts unreferenced commits until two share their first {@code length} hex digits; returns those two. */
    List<String> twoCommitsSharingAPrefix(int length) throws IOException {
        Map<String, String> byPrefix = new HashMap<>();
        PersonIdent who = new PersonIdent("Ada Tester", "ada@example.com", clock, ZoneOffset.UTC);
        try (ObjectInserter inserter = git.getRepository().newObjectInserter()) {
            ObjectId tree = inserter.insert(new TreeFormatter());
            for (int i = 0; ; i++) {
                CommitBuilder commit = new CommitBuilder();
                commit.setTreeId(tree);
                commit.setAuthor(who);
                commit.setCommitter(who);
                commit.setMessage("filler " + i);
                String sha = inserter.insert(commit).name();
                String previous = byPrefix.putIfAbsent(sha.substring(0, length), sha);
                if (previous != null) {
                    inserter.flush();
                    return List.of(previous, sha);
                }
            }
        }
    }

    Path root() {
        return root;
    }

    @Override
    public void close() {
        git.close();
    }
}
