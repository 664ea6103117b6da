package pdmbot.rules.classify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/** Compiles .drl sources into one {@link CompiledRules}, or reports every compiler error with its file and line. */
final class RuleCompiler {

    static final String KFS_ROOT = "src/main/resources/";
    private static final AtomicInteger BUILDS = new AtomicInteger();

    private RuleCompiler() {
    }

    /** One .drl: the name users see, its path in the KIE file system, its text. */
    record Source(String displayName, String kfsPath, String text) {
    }

    sealed interface Outcome {
        record Ok(CompiledRules rules) implements Outcome {}

        record Failed(List<ReloadResult.CompileError> errors) implements Outcome {}
    }

    static Outcome compile(List<Source> sources) {
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
            return new Outcome.Failed(withoutEchoes(errors));
        }
        KieBase kieBase = ks.newKieContainer(releaseId).getKieBase();
        ks.getRepository().removeKieModule(releaseId);
        return new Outcome.Ok(new CompiledRules(kieBase, rulesByFile(kieBase, sources, displayByPath),
                (System.nanoTime() - start) / 1_000_000, fingerprint(sources)));
    }

    /** Drools follows a syntax error with "Parser returned a null Package" at line 0 of the same file: noise, dropped. */
    private static List<ReloadResult.CompileError> withoutEchoes(List<ReloadResult.CompileError> errors) {
        List<ReloadResult.CompileError> kept = new ArrayList<>();
        for (ReloadResult.CompileError e : errors) {
            boolean echo = e.line() == 0 && e.message().contains("Parser returned a null Package")
                    && errors.stream().anyMatch(other -> other != e && other.file().equals(e.file()) && other.line() > 0);
            if (!echo) kept.add(e);
        }
        return kept;
    }

    private static Map<String, List<String>> rulesByFile(KieBase kieBase, List<Source> sources, Map<String, String> displayByPath) {
        Map<String, List<String>> byFile = new LinkedHashMap<>();
        for (Source s : sources) byFile.put(s.displayName(), new ArrayList<>());
        Map<String, List<String>> unplaced = new TreeMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (rule instanceof RuleImpl impl && impl.isQuery()) continue;
                String file = sourceOf(rule, displayByPath);
                (file != null && byFile.containsKey(file) ? byFile.get(file) : unplaced.computeIfAbsent("(unknown file)", k -> new ArrayList<>()))
                        .add(rule.getName());
            }
        }
        byFile.putAll(unplaced);
        byFile.replaceAll((k, v) -> List.copyOf(v));
        return byFile;
    }

    private static String sourceOf(Rule rule, Map<String, String> displayByPath) {
        if (rule instanceof RuleImpl impl && impl.getResource() != null) {
            String path = impl.getResource().getSourcePath();
            if (path == null) return null;
            for (Map.Entry<String, String> e : displayByPath.entrySet()) {
                if (e.getKey().endsWith(path) || path.endsWith(e.getKey()) || e.getKey().equals(KFS_ROOT + path)) return e.getValue();
            }
        }
        return null;
    }

    /** The file names and texts that were compiled, in order: the same sources give the same fingerprint. */
    private static String fingerprint(List<Source> sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Source s : sources) {
                String name = s.displayName().substring(s.displayName().replace('\\', '/').lastIndexOf('/') + 1);
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(s.text().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
