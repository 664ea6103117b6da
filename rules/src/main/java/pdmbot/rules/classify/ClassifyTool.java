package pdmbot.rules.classify;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/** The {@code classify <file|dir>... [--format table|tsv|json]} command, without its option parsing. */
public final class ClassifyTool {

    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int UNREADABLE = 2;

    private final java.util.function.Supplier<Classifier> classifier;

    public ClassifyTool(Classifier classifier) {
        this(() -> classifier);
    }

    /** The classifier is asked for only once the files are read and parsed, so its rules may still be compiling. */
    public ClassifyTool(java.util.function.Supplier<Classifier> classifier) {
        this.classifier = classifier;
    }

    /** With the built-in rules and default table sizes. */
    public static int run(List<String> paths, String format, PrintStream out, PrintStream err) {
        return new ClassifyTool(new Classifier(RuleBook.builtIn(), TableSizes.defaults())).classify(paths, format, out, err);
    }

    /**
     * Classifies every path (directories are walked for {@code *.rb}, sorted). 0 when every path was read, even if some
     * files are unknown; 2 when a path is missing, unreadable, a dangling symbolic link or not a regular file (FIFO,
     * device, socket), each said on {@code err} (the others are still classified); 1 for a bad format.
     */
    public int classify(List<String> paths, String format, PrintStream out, PrintStream err) {
        Optional<ClassificationFormat> f = ClassificationFormat.byName(format == null ? "table" : format);
        if (f.isEmpty()) {
            err.println("unknown format \"" + format + "\" — expected table, tsv or json");
            return USAGE;
        }
        MigrationFiles.Gathered gathered = MigrationFiles.read(paths);
        gathered.refusals().forEach(err::println);
        int exit = gathered.refusals().isEmpty() ? OK : UNREADABLE;
        List<Classifier.MigrationFile> files = gathered.files();
        List<Classifier.ParsedFile> parsed = files.parallelStream().map(Classifier::parse).toList();
        out.print(f.get().render(classifier.get().classifyParsed(parsed)));
        out.flush();
        return exit;
    }
}
