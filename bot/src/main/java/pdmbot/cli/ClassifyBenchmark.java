package pdmbot.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import pdmbot.rules.bench.ClassifyBench;
import pdmbot.rules.bench.CorpusGenerator;

/**
 * {@code bench classify}: the rules module's in-process figures, plus what a user waits for: a fresh JVM
 * from start to its first conclusion, and {@code classify} of 3,000 files wall time, both in child processes.
 */
final class ClassifyBenchmark {

    private ClassifyBenchmark() {
    }

    static void run(PrintStream out, int files) throws IOException, InterruptedException {
        ClassifyBench.run(out, files);
        Path corpus = Files.createTempDirectory("pdm-bench-classify-");
        try {
            int written = 0;
            for (Map.Entry<String, String> file : generated(3000)) {
                Path path = corpus.resolve(file.getKey());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
                written++;
            }
            Path one = corpus.resolve(generated(1).get(0).getKey());
            long first = childMillis(List.of("classify", "--format", "tsv", one.toString()));
            out.println("{\"bench\": \"classify\", \"metric\": \"jvm_start_to_first_conclusion_ms\", \"value\": " + first
                    + ", \"unit\": \"ms\", \"note\": \"java -jar pdm-bot.jar classify of one file, wall\"}");
            long all = childMillis(List.of("classify", "--format", "tsv", corpus.toString()));
            out.println("{\"bench\": \"classify\", \"metric\": \"cli_classify_files_wall_ms\", \"value\": " + all
                    + ", \"unit\": \"ms\", \"note\": \"java -jar pdm-bot.jar classify of " + written + " files, JVM start included\"}");
        } finally {
            try (var paths = Files.walk(corpus)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<Map.Entry<String, String>> generated(int n) {
        List<Map.Entry<String, String>> files = new ArrayList<>();
        for (var file : new CorpusGenerator(7).generate(n)) files.add(Map.entry(fileName(file.path()), new String(file.content(), StandardCharsets.UTF_8)));
        return files;
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** Wall time of {@code java -jar <this jar> <args>}, output discarded. */
    private static long childMillis(List<String> args) throws IOException, InterruptedException {
        String jar = Path.of(ClassifyBenchmark.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(args);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
