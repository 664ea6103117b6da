package pdmbot.classification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.domain.PostMigration;
import pdmbot.rules.classify.Classification;
import pdmbot.rules.classify.Classifier;
import pdmbot.rules.classify.CompiledRules;
import pdmbot.rules.classify.Nature;
import pdmbot.rules.classify.Reason;
import pdmbot.rules.classify.ReloadResult;
import pdmbot.rules.classify.RuleBook;
import pdmbot.rules.classify.TableSizes;
import pdmbot.rules.source.Declaration;
import pdmbot.rules.source.ParseProblem;
import pdmbot.storage.classifications.ClassificationStore;
import pdmbot.storage.classifications.StoredClassification;

/**
 * The bot's classifier: the rules plus a store of results keyed by migration version and content hash (with a
 * fingerprint of the rules and table sizes, so a rules reload re-decides), so an unchanged file is classified once.
 */
public final class Classifications {

    private static final Logger log = LoggerFactory.getLogger(Classifications.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final java.util.function.Supplier<RuleBook> ruleBook;
    private final TableSizes tableSizes;
    private final ClassificationStore store;
    private final Clock clock;
    private final Map<String, Classification> memory = new ConcurrentHashMap<>();
    private volatile RuleBook book;
    private volatile Snapshot snapshot;

    /**
     * The rules in use as one value: a classifier bound to one {@link CompiledRules} and the fingerprint of those
     * rules with the table sizes. A reload swaps the whole value, so a result is always stored under the fingerprint
     * of the rules that decided it.
     */
    private record Snapshot(CompiledRules rules, Classifier classifier, String fingerprint) {
    }

    /** The rule book is compiled on first use, so commands that never classify do not pay for it. */
    public Classifications(java.util.function.Supplier<RuleBook> ruleBook, TableSizes tableSizes,
                           ClassificationStore store, Clock clock) {
        this.ruleBook = ruleBook;
        this.tableSizes = tableSizes;
        this.store = store;
        this.clock = clock;
    }

    /** The compiled rules in use now (compiling them on first use). */
    public CompiledRules rulesInUse() {
        return snapshot().rules();
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current != null) return current;
        synchronized (this) {
            if (snapshot == null) {
                book = ruleBook.get();
                snapshot = snapshotOf(book.current());
            }
            return snapshot;
        }
    }

    private Snapshot snapshotOf(CompiledRules rules) {
        return new Snapshot(rules, new Classifier(rules, tableSizes), fingerprint(rules));
    }

    /** The fingerprint results are stored under now (rules and table sizes). */
    String fingerprint() {
        return snapshot().fingerprint();
    }

    public TableSizes tableSizes() {
        return tableSizes;
    }

    /** Recompiles the rules; on success the stored results of older rules are no longer used. */
    public synchronized ReloadResult reload() {
        snapshot();
        ReloadResult result = book.reload();
        if (result instanceof ReloadResult.Loaded) {
            snapshot = snapshotOf(book.current());
            memory.clear();
        }
        return result;
    }

    /**
     * The classification already decided by the rules in use for a content whose SHA-256 is {@code contentSha256}
     * (the ledger's hash of the file), from memory or the store; empty when it must be classified from the file.
     */
    public Optional<Classification> decided(PostMigration migration, String contentSha256) {
        Snapshot rules = snapshot();
        return known(migration, contentSha256 + "/" + rules.fingerprint());
    }

    private Optional<Classification> known(PostMigration migration, String key) {
        Classification remembered = memory.get(migration.version() + ":" + key);
        if (remembered != null) return Optional.of(remembered);
        Optional<Classification> stored = store.find(migration.version(), key).flatMap(s -> decode(migration, s, key));
        stored.ifPresent(c -> memory.put(migration.version() + ":" + key, c));
        return stored;
    }

    /** The classification of a migration's content, from memory, the store, or the rules (then stored). */
    public Classification classify(PostMigration migration, byte[] content) {
        Snapshot rules = snapshot(); // read once: the key and the classifier below come from the same rules
        String key = sha256(content) + "/" + rules.fingerprint();
        Optional<Classification> stored = known(migration, key);
        if (stored.isPresent()) return stored.get();
        Classification result = stored.orElseGet(() -> {
            Classification fresh = rules.classifier().classify(migration.path(), content);
            try {
                store.save(encode(migration, fresh, key));
            } catch (RuntimeException e) {
                log.warn("could not store the classification of {}; it will be computed again", migration.version(), e);
            }
            return fresh;
        });
        memory.put(migration.version() + ":" + key, result);
        return result;
    }

    private StoredClassification encode(PostMigration migration, Classification c, String key) {
        try {
            List<String> natures = c.natures().stream().map(Nature::wireName).toList();
            String reasons = JSON.writeValueAsString(c.reasons().stream()
                    .map(r -> Map.of("rule", r.rule(), "nature", r.nature().wireName(), "line", r.line(),
                            "detail", r.detail() == null ? "" : r.detail())).toList());
            List<Map<String, Object>> facts = new ArrayList<>();
            for (Declaration d : c.facts())
                facts.add(Map.of("kind", d.kind(), "value", d.value() == null ? "" : d.value(), "line", d.line()));
            for (ParseProblem p : c.problems()) facts.add(Map.of("problem", p.why(), "line", p.line()));
            Map<String, Object> extra = Map.of("facts", facts, "className", c.className(), "sha256", c.sha256());
            return new StoredClassification(migration.version(), key, c.dominant().wireName(), natures, c.databases(),
                    reasons, JSON.writeValueAsString(extra), clock.instant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a classification", e);
        }
    }

    @SuppressWarnings("unchecked")
    private Optional<Classification> decode(PostMigration migration, StoredClassification s, String key) {
        try {
            List<Reason> reasons = new ArrayList<>();
            for (Map<String, Object> r : (List<Map<String, Object>>) JSON.readValue(s.reasonsJson(), List.class))
                reasons.add(new Reason((String) r.get("rule"), Nature.byWireName((String) r.get("nature")).orElseThrow(),
                        ((Number) r.get("line")).intValue(), (String) r.get("detail")));
            Map<String, Object> extra = JSON.readValue(s.factsJson(), Map.class);
            List<Declaration> facts = new ArrayList<>();
            List<ParseProblem> problems = new ArrayList<>();
            for (Map<String, Object> f : (List<Map<String, Object>>) extra.get("facts")) {
                int line = ((Number) f.get("line")).intValue();
                if (f.containsKey("problem")) problems.add(new ParseProblem(line, (String) f.get("problem")));
                else facts.add(new Declaration((String) f.get("kind"), (String) f.get("value"), line));
            }
            Set<Nature> natures = new LinkedHashSet<>();
            for (String n : s.natures()) natures.add(Nature.byWireName(n).orElseThrow());
            return Optional.of(new Classification(migration.path(), Optional.of(migration.version()),
                    (String) extra.get("className"), Nature.byWireName(s.dominant()).orElseThrow(), natures, s.databases(),
                    reasons, facts, problems, (String) extra.get("sha256")));
        } catch (IOException | RuntimeException e) {
            log.warn("ignoring an unreadable stored classification of {} ({})", migration.version(), e.toString());
            return Optional.empty();
        }
    }

    private String fingerprint(CompiledRules rules) {
        MessageDigest digest = sha();
        digest.update(rules.fingerprint().getBytes(StandardCharsets.UTF_8));
        digest.update(tableSizes.asMap().toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(sha().digest(content));
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
