package pdmbot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.domain.Environment;
import pdmbot.domain.PackageVersion;

/** Opening the H2 file store, and each way that can fail, for real. */
class DatabaseH2FileTest {

    static final PackageVersion PACKAGE = PackageVersion.parse("16.6.202311010800-aaaaaaaaaa1.bbbbbbbbbb1").orElseThrow();

    @TempDir
    Path temp;

    @Test
    void opening_an_empty_folder_creates_the_store_file_in_it() {
        Path data = temp.resolve("data");

        try (Database database = Database.h2(data)) {
            assertThat(database.location()).isEqualTo(data.resolve("pdm-bot.mv.db").toString());
        }

        assertThat(data.resolve("pdm-bot.mv.db")).isRegularFile();
    }

    @Test
    void what_was_stored_is_there_after_reopening() {
        try (Database database = Database.h2(temp)) {
            database.stores().environments().recordDeployment(Environment.GPRD, PACKAGE);
        }

        try (Database reopened = Database.h2(temp)) {
            assertThat(reopened.stores().environments().deployedPackage(Environment.GPRD)).contains(PACKAGE);
        }
    }

    @Test
    void a_folder_nobody_may_write_to_is_refused_with_advice() throws Exception {
        try (ReadOnlyFolder folder = ReadOnlyFolder.inside(temp)) {
            Path data = folder.path().resolve("data");

            assertThatThrownBy(() -> Database.h2(data))
                    .isInstanceOf(DataFolderNotWritableException.class)
                    .hasMessage("the data folder " + data + " is not writable: choose another with --data");
        }
    }

    @Test
    void an_existing_read_only_folder_is_refused_too() throws Exception {
        try (ReadOnlyFolder folder = ReadOnlyFolder.inside(temp)) {
            assertThatThrownBy(() -> Database.h2(folder.path()))
                    .isInstanceOf(DataFolderNotWritableException.class)
                    .hasMessageContaining("is not writable: choose another with --data");
        }
    }

    @Test
    void a_data_path_that_is_a_file_is_refused() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "hello");

        assertThatThrownBy(() -> Database.h2(file))
                .isInstanceOf(DataFolderNotWritableException.class)
                .hasMessageContaining(file + " is not writable");
    }

    @Test
    void a_second_store_on_the_same_folder_in_this_process_is_refused() {
        try (Database first = Database.h2(temp)) {
            assertThatThrownBy(() -> Database.h2(temp))
                    .isInstanceOf(StoreInUseException.class)
                    .hasMessageContaining(first.location() + " is already in use by another pdm-bot process (");
        }
        try (Database again = Database.h2(temp)) {
            assertThat(again.stores().locks().locks()).isEmpty();
        }
    }

    @Test
    void a_store_held_by_another_process_is_refused_with_the_lock_file_named() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldH2Store.class.getName(), temp.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(readUntilOpened(out)).as("the child process opened the store").isTrue();

            assertThatThrownBy(() -> Database.h2(temp))
                    .isInstanceOf(StoreInUseException.class)
                    .hasMessageContaining(temp.resolve("pdm-bot.mv.db") + " is already in use by another pdm-bot process")
                    .hasMessageContaining("pdm-bot.lock.db");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) holder.destroyForcibly();
        }
        try (Database afterTheOtherExited = Database.h2(temp)) {
            assertThat(afterTheOtherExited.stores().ledger().packageCount()).isZero();
        }
    }

    private static boolean readUntilOpened(BufferedReader out) throws Exception {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals(HoldH2Store.OPENED)) return true;
        }
        return false;
    }

    @Test
    void a_store_file_of_random_bytes_is_refused_as_damaged() throws Exception {
        byte[] noise = new byte[64 * 1024];
        new Random(42).nextBytes(noise);
        Files.write(temp.resolve("pdm-bot.mv.db"), noise);

        assertThatThrownBy(() -> Database.h2(temp))
                .isInstanceOf(StoreDamagedException.class)
                .hasMessage("the store " + temp.resolve("pdm-bot.mv.db") + " is not a pdm-bot store or is damaged:"
                        + " move it away (pdm-bot then starts an empty one) or choose another folder with --data");
    }

    @Test
    void a_zero_byte_store_file_is_refused_as_damaged_and_left_as_it_was() throws Exception {
        // issue 10, item 9: H2 used to take an empty file for a new store and fill it, forgetting every run
        Path file = Files.createFile(temp.resolve("pdm-bot.mv.db"));

        assertThatThrownBy(() -> Database.h2(temp))
                .isInstanceOf(StoreDamagedException.class)
                .hasMessage("the store " + file + " is not a pdm-bot store or is damaged (it is empty: 0 bytes):"
                        + " move it away (pdm-bot then starts an empty one) or choose another folder with --data");
        assertThat(file).isEmptyFile();
    }

    @Test
    void a_store_file_of_text_is_refused_as_damaged() throws Exception {
        Files.write(temp.resolve("pdm-bot.mv.db"), List.of("this is not a database", "at all"));

        assertThatThrownBy(() -> Database.h2(temp)).isInstanceOf(StoreDamagedException.class);
    }

    @Test
    void a_refused_store_can_be_opened_once_the_problem_is_moved_away() throws Exception {
        Files.writeString(temp.resolve("pdm-bot.mv.db"), "garbage");
        assertThatThrownBy(() -> Database.h2(temp)).isInstanceOf(StoreDamagedException.class);

        Files.move(temp.resolve("pdm-bot.mv.db"), temp.resolve("pdm-bot.mv.db.damaged"));

        try (Database database = Database.h2(temp)) {
            assertThat(database.stores().ledger().packageCount()).isZero();
        }
    }
}
