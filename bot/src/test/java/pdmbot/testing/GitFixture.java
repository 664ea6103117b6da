package pdmbot.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A git repository a test builds commit by commit, tagging packages as release tooling does. */
public final class GitFixture implements AutoCloseable {

    private final Git git;
    private final Path root;
    private Instant clock = Instant.parse("2023-11-01T10:00:00Z");

    private GitFixture(Git git, Path root) {
        this.git = git;
        this.root = root;
    }

    public static GitFixture init(Path root) {
        try {
            return new GitFixture(Git.init().setDirectory(root.toFile()).setInitialBranch("master").call(), root);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path root() {
        return root;
    }

    public GitFixture write(String path, String content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public GitFixture delete(String path) {
        try {
            Files.delete(root.resolve(path));
            return this;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Commits everything as {@code author}; the message gets a "See merge request" trailer when {@code mr} > 0. */
    public RevCommit commit(String title, String author, int mr) {
        clock = clock.plusSeconds(3600);
        PersonIdent who = new PersonIdent(author, author.toLowerCase().replace(' ', '.') + "@example.com", clock, ZoneOffset.UTC);
        String message = title + "\n\nBody of " + title + "\n" + (mr > 0 ? "\nSee merge request gitlab-org/gitlab!" + mr + "\n" : "");
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tags HEAD as a package {@code <milestone>.<stamp>-<sha 11>.<packaging sha>} and returns the version. */
    public String tagPackage(String milestone, String stamp, RevCommit commit) {
        String version = milestone + "." + stamp + "-" + commit.name().substring(0, 11) + "." + "0123456789a".substring(0, 10)
                + Integer.toHexString(stamp.hashCode() & 0xf);
        try {
            git.tag().setName(version).setAnnotated(false).setObjectId(commit).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
        return version;
    }

    /** A minimal post-deploy migration in GitLab's vocabulary. */
    public static String migration(String className, String schema, String upBody) {
        return "# frozen_string_literal: true\n\n"
                + "class " + className + " < Gitlab::Database::Migration[2.2]\n"
                + "  milestone '16.6'\n"
                + (schema == null ? "" : "  restrict_gitlab_migration gitlab_schema: :" + schema + "\n")
                + "\n  def up\n    " + upBody + "\n  end\n\n  def down\n    # no-op\n  end\nend\n";
    }

    @Override
    public void close() {
        git.close();
    }
}
