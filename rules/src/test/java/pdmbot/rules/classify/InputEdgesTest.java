package pdmbot.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, item 8: a BOM, CR-only or CRLF line ends, special files and dangling symlinks given to {@code classify}. */
class InputEdgesTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String DROP = "class DropOld < Gitlab::Database::Migration[2.2]\n  def up\n    drop_table :old\n  end\nend\n";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int classify(String... paths) {
        return new ClassifyTool(Fixtures.CLASSIFIER).classify(List.of(paths), "tsv",
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /**
     * Classifies on a daemon thread and fails after 10 s: a reader blocked opening a FIFO cannot be interrupted, so
     * then the FIFO is opened for writing once, which lets the reader go, and the test fails instead of hanging.
     */
    private int classifyWithin10s(Path fifo, String... paths) throws Exception {
        FutureTask<Integer> task = new FutureTask<>(() -> classify(paths));
        Thread thread = new Thread(task, "classify-" + fifo.getFileName());
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            Process writer = new ProcessBuilder("sh", "-c", "exec 3>\"$1\"", "sh", fifo.toString()).start();
            writer.waitFor(5, TimeUnit.SECONDS);
            writer.destroyForcibly();
            throw new AssertionError("classify was still reading " + fifo + " after 10 s", e);
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Everything a classification says about a file, without its path and content hash. */
    private static String decision(byte[] content) {
        Classification c = Fixtures.CLASSIFIER.classify("db/post_migrate/20240101000000_edge.rb", content);
        return c.dominant() + " " + c.natures() + " " + c.databases() + " " + c.reasons() + " " + c.facts() + " " + c.problems();
    }

    private static List<String> labelledFixtures() {
        List<String> names = new ArrayList<>();
        for (String line : Fixtures.text("migrations/labels.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            names.add(line.split("\t")[0]);
        }
        return names;
    }

    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(body, 0, all, BOM.length, body.length);
        return all;
    }

    @Test
    @DisplayName("issue 13: every labelled fixture reads the same with a UTF-8 BOM, CR-only or CRLF line ends")
    void a_bom_and_cr_or_crlf_line_ends_give_the_same_classification_as_the_plain_file() {
        List<String> fixtures = labelledFixtures();
        assertThat(fixtures).hasSizeGreaterThan(100);
        for (String name : fixtures) {
            String text = Fixtures.text("migrations/" + name);
            String plain = decision(text.getBytes(StandardCharsets.UTF_8));
            assertThat(decision(withBom(text))).as("%s with a BOM", name).isEqualTo(plain);
            assertThat(decision(text.replace("\n", "\r").getBytes(StandardCharsets.UTF_8))).as("%s with CR line ends", name).isEqualTo(plain);
            assertThat(decision(withBom(text.replace("\n", "\r\n")))).as("%s with a BOM and CRLF", name).isEqualTo(plain);
        }
    }

    @Test
    void a_cr_only_file_with_a_bom_is_not_unknown() {
        assertThat(decision(withBom(DROP.replace("\n", "\r")))).startsWith("ddl_cleanup [ddl_cleanup]");
    }

    @Test
    void a_fifo_is_refused_with_a_clear_message_instead_of_hanging() throws Exception {
        Path fifo = dir.resolve("20240101000000_pipe.rb");
        assumeTrue(mkfifo(fifo), "mkfifo is available");
        Path good = Files.writeString(dir.resolve("20240101000001_drop_old.rb"), DROP);

        assertThat(classifyWithin10s(fifo, fifo.toString(), good.toString())).isEqualTo(ClassifyTool.UNREADABLE);

        assertThat(err()).contains(fifo.toString()).contains("is a FIFO (named pipe), not a regular file");
        assertThat(out()).contains("20240101000001\tddl_cleanup");
    }

    @Test
    void a_character_device_is_refused() {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull));

        assertThat(classify(devNull.toString())).isEqualTo(ClassifyTool.UNREADABLE);

        assertThat(err()).contains("/dev/null is a character device, not a regular file");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void a_unix_socket_is_refused() throws Exception {
        Path socket = dir.resolve("s.rb");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));

            assertThat(classify(socket.toString())).isEqualTo(ClassifyTool.UNREADABLE);
        }
        assertThat(err()).contains("is a socket, not a regular file");
    }

    @Test
    void a_fifo_inside_a_directory_is_reported_not_read() throws Exception {
        Path fifo = dir.resolve("20240101000000_pipe.rb");
        assumeTrue(mkfifo(fifo), "mkfifo is available");
        Files.writeString(dir.resolve("20240101000001_drop_old.rb"), DROP);

        assertThat(classifyWithin10s(fifo, dir.toString())).isEqualTo(ClassifyTool.UNREADABLE);

        assertThat(err()).contains(fifo.toString()).contains("FIFO");
        assertThat(out()).contains("20240101000001\tddl_cleanup");
    }

    @Test
    @DisplayName("issue 13: a dangling symlink in a directory is reported with exit 2, the other files are still classified")
    void a_dangling_symlink_in_a_directory_is_reported_with_exit_2() throws Exception {
        Files.writeString(dir.resolve("20240101000001_drop_old.rb"), DROP);
        Path link = Files.createSymbolicLink(dir.resolve("20240101000002_gone.rb"), dir.resolve("nowhere.rb"));

        assertThat(classify(dir.toString())).isEqualTo(ClassifyTool.UNREADABLE);

        assertThat(err()).contains(link + " is a symbolic link to " + dir.resolve("nowhere.rb") + ", which does not exist");
        assertThat(out()).contains("20240101000001\tddl_cleanup").doesNotContain("20240101000002");
    }

    @Test
    void a_dangling_symlink_given_by_name_says_so() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("20240101000002_gone.rb"), dir.resolve("nowhere.rb"));

        assertThat(classify(link.toString())).isEqualTo(ClassifyTool.UNREADABLE);

        assertThat(err()).contains(link + " is a symbolic link to " + dir.resolve("nowhere.rb") + ", which does not exist");
    }

    @Test
    void a_symlink_to_a_migration_in_a_directory_is_classified() throws Exception {
        Path target = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("x.rb"), DROP);
        Path sub = Files.createDirectories(dir.resolve("post_migrate"));
        Files.createSymbolicLink(sub.resolve("20240101000003_linked.rb"), target);

        assertThat(classify(sub.toString())).isZero();

        assertThat(out()).contains("20240101000003\tddl_cleanup");
    }

    private static boolean mkfifo(Path path) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.exists(path);
        } catch (IOException e) {
            return false;
        }
    }
}
