package pdmbot.rules.bench;

import org.junit.jupiter.api.Test;
import pdmbot.rules.classify.Classifier;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifyBenchTest {

    @Test
    void the_same_seed_generates_the_same_corpus() {
        List<Classifier.MigrationFile> a = new CorpusGenerator(7).generate(50);
        List<Classifier.MigrationFile> b = new CorpusGenerator(7).generate(50);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).path()).isEqualTo(b.get(i).path());
            assertThat(a.get(i).content()).isEqualTo(b.get(i).content());
        }
    }

    @Test
    void the_bench_prints_one_json_line_per_figure() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClassifyBench.run(new PrintStream(out, true, StandardCharsets.UTF_8), 100);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(7).allSatisfy(l -> assertThat(l).startsWith("{\"bench\": \"classify\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("classify_all_files_per_second"));
    }
}
