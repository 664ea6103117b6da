package pdmbot.rules.bench;

import pdmbot.rules.classify.Classification;
import pdmbot.rules.classify.Classifier;
import pdmbot.rules.classify.RuleBook;
import pdmbot.rules.classify.TableSizes;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Classification throughput and latency; prints JSON lines, asserts nothing. */
public final class ClassifyBench {

    private static final long SEED = 20231101L;

    private ClassifyBench() {}

    public static void run(PrintStream out, int files) {
        long start = System.nanoTime();
        RuleBook book = RuleBook.builtIn();
        long buildMs = (System.nanoTime() - start) / 1_000_000;
        out.println(line("kiebase_build_ms", buildMs, "ms", "rules=" + book.rules().values().stream().mapToInt(List::size).sum()));

        Classifier classifier = new Classifier(book, TableSizes.defaults());
        List<Classifier.MigrationFile> corpus = new CorpusGenerator(SEED).generate(files);

        long firstStart = System.nanoTime();
        Classification first = classifier.classify(corpus.get(0).path(), corpus.get(0).content());
        out.println(line("first_classification_ms", (System.nanoTime() - firstStart) / 1_000_000, "ms", "dominant=" + first.dominant()));

        for (int warm = 0; warm < 5; warm++) classifier.classifyAll(corpus);

        // The machine is shared: report the median and the best of five timed rounds.
        double[] rates = new double[5];
        for (int round = 0; round < rates.length; round++) {
            long batchStart = System.nanoTime();
            List<Classification> all = classifier.classifyAll(corpus);
            rates[round] = all.size() / ((System.nanoTime() - batchStart) / 1e9);
        }
        Arrays.sort(rates);
        out.println(line("classify_all_files_per_second", Math.round(rates[2]), "files/s", "median of 5 rounds of " + files + " files, one reused session"));
        out.println(line("classify_all_files_per_second_best", Math.round(rates[4]), "files/s", "best of 5 rounds"));

        long[] micros = new long[corpus.size()];
        for (int i = 0; i < corpus.size(); i++) {
            long t = System.nanoTime();
            classifier.classify(corpus.get(i).path(), corpus.get(i).content());
            micros[i] = (System.nanoTime() - t) / 1_000;
        }
        Arrays.sort(micros);
        out.println(line("classify_one_p50_us", micros[micros.length / 2], "us", "one session per call"));
        out.println(line("classify_one_p99_us", micros[Math.min(micros.length - 1, (int) (micros.length * 0.99))], "us", "one session per call"));
        out.println(line("peak_heap_mb", peakHeapMb(), "MB", "sum of heap pool peaks"));
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) peak += pool.getPeakUsage().getUsed();
        }
        return peak / (1024 * 1024);
    }

    private static String line(String name, long value, String unit, String note) {
        return String.format(Locale.ROOT, "{\"bench\": \"classify\", \"metric\": \"%s\", \"value\": %d, \"unit\": \"%s\", \"note\": \"%s\"}",
                name, value, unit, note);
    }

    public static void main(String[] args) {
        run(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 5_000);
    }
}
