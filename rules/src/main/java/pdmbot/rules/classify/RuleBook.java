package pdmbot.rules.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.kie.api.KieBase;

/**
 * The classification rules in use: the built-in .drl plus the extra .drl files of an optional folder, loaded after
 * it. All or nothing: a book is made only when every file compiles, and {@link #reload()} swaps in a new
 * {@link CompiledRules} only when every file compiles, keeping the old one otherwise.
 */
public final class RuleBook {

    public static final String BUILT_IN = "pdmbot/rules/classify/classification.drl";
    private static final String EXTRA_DIR = "pdmbot/rules/extra/";

    private final Optional<Path> extraFolder;
    private volatile CompiledRules current;

    private RuleBook(Optional<Path> extraFolder) {
        this.extraFolder = extraFolder;
    }

    /** The built-in rules only. */
    public static RuleBook builtIn() {
        RuleBook book = new RuleBook(Optional.empty());
        if (book.reload() instanceof ReloadResult.Refused refused)
            throw new IllegalStateException("the built-in classification rules do not compile: " + refused.describe());
        return book;
    }

    /**
     * The built-in rules plus the extra .drl files in {@code folder}.
     *
     * @throws UnableToCompileRulesException when the folder cannot be read or any file in it does not compile,
     *                                       naming each file and line; no rules are then in use
     */
    public static RuleBook withExtras(Path folder) {
        RuleBook book = new RuleBook(Optional.of(folder));
        if (book.reload() instanceof ReloadResult.Refused refused)
            throw new UnableToCompileRulesException("the rules in " + folder + " do not compile", refused);
        return book;
    }

    /** Compiles the built-in and extra files; swaps them in, as one value, only when all compile. */
    public ReloadResult reload() {
        List<RuleCompiler.Source> sources = new ArrayList<>();
        sources.add(builtInSource());
        List<ReloadResult.CompileError> readErrors = new ArrayList<>();
        extraFolder.ifPresent(folder -> readExtras(folder, sources, readErrors));
        if (!readErrors.isEmpty()) return new ReloadResult.Refused(readErrors);
        RuleCompiler.Outcome outcome = RuleCompiler.compile(sources);
        if (outcome instanceof RuleCompiler.Outcome.Failed failed) return new ReloadResult.Refused(failed.errors());
        CompiledRules compiled = ((RuleCompiler.Outcome.Ok) outcome).rules();
        current = compiled;
        return new ReloadResult.Loaded(sources.stream().map(RuleCompiler.Source::displayName).toList(), compiled.ruleCount());
    }

    /** The compiled rules in use now; read it once and use that value for one piece of work. */
    public CompiledRules current() {
        return current;
    }

    /** The KieBase in use now. */
    public KieBase kieBase() {
        return current.kieBase();
    }

    /** Loaded rule names, by the file that holds them (built-in first). */
    public Map<String, List<String>> rules() {
        return current.rulesByFile();
    }

    /** How long the rules in use took to build. */
    public long buildMillis() {
        return current.buildMillis();
    }

    private static RuleCompiler.Source builtInSource() {
        try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) throw new IllegalStateException("missing built-in rules " + BUILT_IN);
            return new RuleCompiler.Source(BUILT_IN, RuleCompiler.KFS_ROOT + BUILT_IN, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + BUILT_IN, e);
        }
    }

    private static void readExtras(Path folder, List<RuleCompiler.Source> sources, List<ReloadResult.CompileError> errors) {
        if (!Files.isDirectory(folder)) {
            errors.add(new ReloadResult.CompileError(folder.toString(), 0, "rules folder does not exist or is not a directory"));
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".drl")).sorted().toList()) {
                try {
                    sources.add(new RuleCompiler.Source(p.toString(), RuleCompiler.KFS_ROOT + EXTRA_DIR + p.getFileName(), Files.readString(p)));
                } catch (IOException | UncheckedIOException e) {
                    errors.add(new ReloadResult.CompileError(p.toString(), 0, "cannot read: " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            errors.add(new ReloadResult.CompileError(folder.toString(), 0, "cannot list: " + e.getMessage()));
        }
    }
}
