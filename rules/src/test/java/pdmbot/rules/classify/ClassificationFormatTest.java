package pdmbot.rules.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassificationFormatTest {

    private static final String FILE = "20230101800823_schedule_with_temporary_index.rb";

    private static Classification sample() {
        return Fixtures.CLASSIFIER.classify("db/post_migrate/" + FILE, Fixtures.migration(FILE));
    }

    @Test
    void tsv_is_one_line_of_six_tab_separated_fields() {
        String tsv = ClassificationFormat.TSV.render(List.of(sample()));
        assertThat(tsv.lines()).hasSize(1);
        assertThat(tsv.strip().split("\t", -1)).containsExactly(
                "db/post_migrate/" + FILE, "20230101800823", "large_index_or_fk", "large_index_or_fk,sidekiq_only", "main",
                "building an index is large_index_or_fk@11;scheduling background work is sidekiq_only@13");
    }

    @Test
    void tabs_and_newlines_inside_fields_become_spaces() {
        Classification c = Fixtures.CLASSIFIER.classify("odd\tname\n.rb", new byte[0]);
        String line = ClassificationFormat.tsvLine(c);
        assertThat(line).doesNotContain("\n").startsWith("odd name .rb\t\tunknown\t");
        assertThat(line.split("\t", -1)).hasSize(6);
    }

    @Test
    void json_carries_reasons_with_rule_and_line() {
        String json = ClassificationFormat.JSON.render(List.of(sample()));
        assertThat(json).contains("\"dominant\": \"large_index_or_fk\"")
                .contains("{\"rule\": \"building an index is large_index_or_fk\", \"nature\": \"large_index_or_fk\", \"line\": 11")
                .contains("\"databases\": [\"main\"]");
    }

    @Test
    void table_lists_reasons_and_facts() {
        String table = ClassificationFormat.TABLE.render(List.of(sample()));
        assertThat(table).contains("dominant   large_index_or_fk").contains("fact       disable_ddl_transaction");
    }

    @Test
    void directories_are_walked_for_rb_files_in_sorted_order(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("20240102000000_b.rb"), "class B < Gitlab::Database::Migration[2.2]\n  def up; end\nend\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/20240101000000_a.rb"), "class A < Gitlab::Database::Migration[2.2]\n  def up; end\nend\n");
        Files.writeString(dir.resolve("notes.txt"), "not ruby");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = new ClassifyTool(Fixtures.CLASSIFIER).classify(List.of(dir.toString()), "tsv",
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2).first().asString().contains("20240102000000_b.rb");
    }

    @Test
    void an_unknown_format_is_refused_with_the_choices() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new ClassifyTool(Fixtures.CLASSIFIER).classify(List.of(), "xml", System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("table, tsv or json");
    }
}
