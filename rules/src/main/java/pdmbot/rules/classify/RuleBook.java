package pdmbot.rules.classify;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The compiled classification rules: the built-in .drl plus extra .drl files from an optional folder,
 * loaded after it. {@link #reload()} compiles first and keeps the old rules when anything fails.
 */
public final class RuleBook {

    public static final String BUILT_IN = "pdmbot/rules/classify/classification.drl";
    private static final String KFS_ROOT = "src/main/resources/";
    private static final String EXTRA_DIR = "pdmbot/rules/extra/";
    private static final AtomicInteger BUILDS = new AtomicInteger();

    private final Optional<Path> extraFolder;
    private volatile Compiled current;

    private record Compiled(KieBase kieBase, Map<String, List<String>> rulesByFile, long buildMillis) {}

    private record Source(String displayName, String kfsPath, String text) {}

    private RuleBook(Optional<Path> extraFolder) {
        this.extraFolder = extraFolder;
    }

    /** The built-in rules only. */
    public static RuleBook builtIn() {
        RuleBook book = new RuleBook(Optional.empty());
        book.loadOrFail();
        return book;
    }

    /**
     * The built-in rules plus the extra .drl files in {@code folder}. When an extra file does not compile the
     * book starts with the built-in rules alone; {@link #reload()} tells why.
     */
    public static RuleBook withExtras(Path folder) {
        RuleBook book = new RuleBook(Optional.of(folder));
        if (book.reload() instanceof ReloadResult.Refused) {
            book.current = compile(List.of(builtInSource())) instanceof CompileOutcome.Ok ok ? ok.compiled() : null;
            if (book.current == null) throw new IllegalStateException("the built-in classification rules do not compile");
        }
        return book;
    }

    private void loadOrFail() {
        ReloadResult r = reload();
        if (r instanceof ReloadResult.Refused refused) {
            throw new IllegalStateException("the built-in classification rules do not compile: " + refused.describe());
        }
    }

    /** Compiles the built-in and extra files; swaps them in only when all compile. */
    public ReloadResult reload() {
        List<Source> sources = new ArrayList<>();
        sources.add(builtInSource());
        List<ReloadResult.CompileError> readErrors = new ArrayList<>();
        extraFolder.ifPresent(folder -> readExtras(folder, sources, readErrors));
        if (!readErrors.isEmpty()) return new ReloadResult.Refused(readErrors);
        CompileOutcome outcome = compile(sources);
        if (outcome instanceof CompileOutcome.Failed failed) return new ReloadResult.Refused(failed.errors());
        Compiled compiled = ((CompileOutcome.Ok) outcome).compiled();
        current = compiled;
        int count = compiled.rulesByFile().values().stream().mapToInt(List::size).sum();
        return new ReloadResult.Loaded(sources.stream().map(Source::displayName).toList(), count);
    }

    /** The compiled rules in use now. */
    public KieBase kieBase() {
        return current.kieBase();
    }

    /** Loaded rule names, by the file that holds them (built-in first). */
    public Map<String, List<String>> rules() {
        return current.rulesByFile();
    }

    /** How long the KieBase in use took to build. */
    public long buildMillis() {
        return current.buildMillis();
    }

    private static Source builtInSource() {
        try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) throw new IllegalStateException("missing built-in rules " + BUILT_IN);
            return new Source(BUILT_IN, KFS_ROOT + BUILT_IN, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + BUILT_IN, e);
        }
    }

    private static void readExtras(Path folder, List<Source> sources, List<ReloadResult.CompileError> errors) {
        if (!Files.isDirectory(folder)) {
            errors.add(new ReloadResult.CompileError(folder.toString(), 0, "rules folder does not exist or is not a directory"));
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".drl")).sorted().toList()) {
                try {
                    sources.add(new Source(p.toString(), KFS_ROOT + EXTRA_DIR + p.getFileName(), Files.readString(p)));
                } catch (IOException e) {
                    errors.add(new ReloadResult.CompileError(p.toString(), 0, "cannot read: " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            errors.add(new ReloadResult.CompileError(folder.toString(), 0, "cannot list: " + e.getMessage()));
        }
    }

    private sealed interface CompileOutcome {
        record Ok(Compiled compiled) implements CompileOutcome {}
        record Failed(List<ReloadResult.CompileError> errors) implements CompileOutcome {}
    }

    private static CompileOutcome compile(List<Source> sources) {
        long start = System.nanoTime();
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("pdmbot", "classification-rules", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        Map<String, String> displayByPath = new LinkedHashMap<>();
        for (Source s : sources) {
            kfs.write(s.kfsPath(), s.text());
            displayByPath.put(s.kfsPath(), s.displayName());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
        if (!messages.isEmpty()) {
            List<ReloadResult.CompileError> errors = new ArrayList<>();
            for (Message m : messages) {
                String path = m.getPath() == null ? "" : m.getPath();
                String file = displayByPath.getOrDefault(path, displayByPath.getOrDefault(KFS_ROOT + path, path));
                errors.add(new ReloadResult.CompileError(file, m.getLine(), m.getText()));
            }
            ks.getRepository().removeKieModule(releaseId);
            return new CompileOutcome.Failed(errors);
        }
        KieBase kieBase = ks.newKieContainer(releaseId).getKieBase();
        ks.getRepository().removeKieModule(releaseId);
        Map<String, List<String>> byFile = new LinkedHashMap<>();
        for (Source s : sources) byFile.put(s.displayName(), new ArrayList<>());
        Map<String, List<String>> unplaced = new TreeMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && impl.isQuery()) continue;
                String file = sourceOf(rule, displayByPath);
                (file != null && byFile.containsKey(file) ? byFile.get(file) : unplaced.computeIfAbsent("(unknown file)", k -> new ArrayList<>()))
                        .add(rule.getName());
            }
        }
        byFile.putAll(unplaced);
        byFile.replaceAll((k, v) -> List.copyOf(v));
        return new CompileOutcome.Ok(new Compiled(kieBase, java.util.Collections.unmodifiableMap(byFile),
                (System.nanoTime() - start) / 1_000_000));
    }

    private static String sourceOf(Rule rule, Map<String, String> displayByPath) {
        if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && impl.getResource() != null) {
            String path = impl.getResource().getSourcePath();
            if (path == null) return null;
            for (Map.Entry<String, String> e : displayByPath.entrySet()) {
                if (e.getKey().endsWith(path) || path.endsWith(e.getKey()) || e.getKey().equals(KFS_ROOT + path)) return e.getValue();
            }
        }
        return null;
    }
}
