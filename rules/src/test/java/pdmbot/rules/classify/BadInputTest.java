package pdmbot.rules.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Files the classifier cannot understand still get a classification, never an exception. */
class BadInputTest {

    private static Classification classify(byte[] content) {
        return Fixtures.CLASSIFIER.classify("db/post_migrate/20240101000000_bad.rb", content);
    }

    @Test
    void empty_file_is_unknown_with_a_problem() {
        Classification c = classify(new byte[0]);
        assertThat(c.dominant()).isEqualTo(Nature.UNKNOWN);
        assertThat(c.problems()).extracting(p -> p.why()).containsExactly("empty file");
    }

    @Test
    void binary_file_is_unknown_with_a_problem() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d};
        Classification c = classify(png);
        assertThat(c.dominant()).isEqualTo(Nature.UNKNOWN);
        assertThat(c.problems()).anySatisfy(p -> assertThat(p.why()).startsWith("binary content"));
    }

    @Test
    void invalid_utf8_is_reported_and_the_rest_still_read() {
        byte[] head = "class A < Gitlab::Database::Migration[2.2]\n  def up\n    drop_table :t # ".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\n  end\nend\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, content, 0, head.length);
        content[head.length] = (byte) 0xC3;
        content[head.length + 1] = (byte) 0x28;
        System.arraycopy(tail, 0, content, head.length + 2, tail.length);
        Classification c = classify(content);
        assertThat(c.problems()).anySatisfy(p -> assertThat(p.why()).contains("invalid UTF-8"));
        assertThat(c.natures()).contains(Nature.DDL_CLEANUP);
        assertThat(c.dominant()).isEqualTo(Nature.UNKNOWN);
    }

    @Test
    @Timeout(20)
    void ten_megabyte_file_terminates_with_a_problem() {
        String line = "    add_concurrent_index :ci_builds, :c, name: 'i' # padding padding padding\n";
        StringBuilder sb = new StringBuilder("class Huge < Gitlab::Database::Migration[2.2]\n  def up\n");
        while (sb.length() < 10 * 1024 * 1024) sb.append(line);
        sb.append("  end\nend\n");
        Classification c = classify(sb.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(c.dominant()).isEqualTo(Nature.UNKNOWN);
        assertThat(c.problems()).anySatisfy(p -> assertThat(p.why()).contains("only the first"));
    }

    @Test
    @Timeout(10)
    void deeply_nested_input_terminates_with_a_problem() {
        String nested = "class A < Gitlab::Database::Migration[2.2]\n  def up\n" + "(".repeat(50_000) + "\n  end\nend\n";
        Classification c = classify(nested.getBytes(StandardCharsets.UTF_8));
        assertThat(c.dominant()).isEqualTo(Nature.UNKNOWN);
        assertThat(c.problems()).isNotEmpty();
    }

    @Test
    void unbalanced_do_end_is_unknown_and_names_the_line() {
        String src = "class A < Gitlab::Database::Migration[2.2]\n  def up\n    Model.each_batch do |b|\n      b.delete_all\n  end\nend\n";
        Classification c = classify(src.getBytes(StandardCharsets.UTF_8));
        assertThat(c.dominant()).isEqualTo(Nature.UNKNOWN);
        assertThat(c.problems()).isNotEmpty();
        assertThat(c.natures()).contains(Nature.DML_INLINE);
    }

    @Test
    void two_migration_classes_classify_the_first_and_report_the_second() {
        Classification c = classify(Fixtures.migration("20230101952878_two_classes_in_one_file.rb"));
        assertThat(c.className()).isEqualTo("RemoveFooColumn");
        assertThat(c.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.why()).contains("RemoveBarColumn");
        });
    }

    @Test
    void non_migration_ruby_file_is_unknown() {
        String src = "module Gitlab\n  class Thing\n    def call\n      update_all(x: 1)\n    end\n  end\nend\n";
        Classification c = classify(src.getBytes(StandardCharsets.UTF_8));
        assertThat(c.dominant()).isEqualTo(Nature.UNKNOWN);
        assertThat(c.natures()).containsExactly(Nature.UNKNOWN);
        assertThat(c.problems()).anySatisfy(p -> assertThat(p.why()).startsWith("no migration class"));
    }

    @Test
    void nonexistent_path_exits_2_and_the_other_files_are_still_classified(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("20240101000000_drop_old.rb");
        Files.writeString(good, "class DropOld < Gitlab::Database::Migration[2.2]\n  def up\n    drop_table :old\n  end\nend\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new ClassifyTool(Fixtures.CLASSIFIER).classify(List.of(dir.resolve("missing.rb").toString(), good.toString()),
                "tsv", new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file or directory").contains("missing.rb");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("20240101000000\tddl_cleanup\tddl_cleanup\tmain,ci");
    }

    @Test
    void random_bytes_never_throw() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(400)];
            random.nextBytes(bytes);
            for (int k = 0; k < bytes.length; k++) if (bytes[k] == 0) bytes[k] = 'x';
            assertThat(classify(bytes).dominant()).isNotNull();
        }
        assertThat(Arrays.asList(Nature.values())).contains(Nature.UNKNOWN);
    }
}
