package pdmbot.rules.decide;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.QueryResultsRow;

/**
 * The run decisions: {@code decisions.drl} over {@link DecisionFacts}. The rule base is compiled once; each evaluation
 * (one moment, every group) uses a fresh session.
 */
public final class RunDecisions {

    public static final String RESOURCE = "pdmbot/rules/decide/decisions.drl";

    private static final AtomicLong BUILDS = new AtomicLong();

    private final KieBase base;

    private RunDecisions(KieBase base) {
        this.base = base;
    }

    /** The built-in {@code decisions.drl}, compiled once per process. */
    public static RunDecisions builtIn() {
        return BuiltIn.DECISIONS;
    }

    private static final class BuiltIn {
        static final RunDecisions DECISIONS = compileBuiltIn();
    }

    private static RunDecisions compileBuiltIn() {
        try (InputStream in = RunDecisions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new UnableToCompileDecisionsException(RESOURCE + " is missing from the classpath");
            return compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UnableToCompileDecisionsException("cannot read " + RESOURCE + ": " + e.getMessage());
        }
    }

    /** Compiles decisions from DRL text (a {@code decisions.drl} of the rules folder); errors name the line. */
    public static RunDecisions compile(String drl) {
        KieServices services = KieServices.Factory.get();
        ReleaseId releaseId = services.newReleaseId("pdmbot", "run-decisions", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem files = services.newKieFileSystem().generateAndWritePomXML(releaseId);
        files.write("src/main/resources/" + RESOURCE, drl);
        KieBuilder builder = services.newKieBuilder(files).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty())
            throw new UnableToCompileDecisionsException("decisions.drl does not compile: " + errors.get(0).getText()
                    + " (line " + errors.get(0).getLine() + ")");
        return new RunDecisions(services.newKieContainer(releaseId).getKieBase());
    }

    /** Decides every group among the facts, at the one moment they describe. */
    public DecisionReport evaluate(Collection<?> facts) {
        try (Session session = open(List.of())) {
            return session.evaluate(facts);
        }
    }

    /**
     * A session holding {@code stable} facts (the groups) for evaluating one moment after another: each
     * {@link Session#evaluate} replaces the previous moment's facts, and the logical conclusions follow.
     */
    public Session open(Collection<?> stable) {
        KieSession session = base.newKieSession();
        for (Object fact : stable) session.insert(fact);
        return new Session(session);
    }

    /** One rule session over stable facts; not thread-safe; close it. */
    public static final class Session implements AutoCloseable {
        private final KieSession session;
        private final List<org.kie.api.runtime.rule.FactHandle> moment = new ArrayList<>();

        private Session(KieSession session) {
            this.session = session;
        }

        /** The decisions with {@code facts} as the moment's facts (the previous moment's are retracted first). */
        public DecisionReport evaluate(Collection<?> facts) {
            for (org.kie.api.runtime.rule.FactHandle handle : moment) session.delete(handle);
            moment.clear();
            for (Object fact : facts) moment.add(session.insert(fact));
            session.fireAllRules();
            return report(session);
        }

        @Override
        public void close() {
            session.dispose();
        }
    }

    private static DecisionReport report(KieSession session) {
        {
            Map<String, List<DecisionReason>> reasons = new HashMap<>();
            for (QueryResultsRow row : session.getQueryResults("reasons")) {
                DecisionReason reason = (DecisionReason) row.get("$r");
                reasons.computeIfAbsent(reason.group(), g -> new ArrayList<>()).add(reason);
            }
            List<Decision> decisions = new ArrayList<>();
            for (QueryResultsRow row : session.getQueryResults("verdicts")) {
                GroupVerdict verdict = (GroupVerdict) row.get("$v");
                List<DecisionReason> of = new ArrayList<>(reasons.getOrDefault(verdict.group(), List.of()));
                of.sort(Comparator.comparing(DecisionReason::effect, Comparator.comparingInt(RunDecisions::weight))
                        .thenComparing(DecisionReason::rule).thenComparing(DecisionReason::facts));
                decisions.add(new Decision(verdict.group(), verdict.kind(), verdict.rule(), of));
            }
            List<SubsetRefusal> refusals = new ArrayList<>();
            for (QueryResultsRow row : session.getQueryResults("refusals")) refusals.add((SubsetRefusal) row.get("$s"));
            return new DecisionReport(decisions, refusals);
        }
    }

    private static int weight(Effect effect) {
        return switch (effect) {
            case BLOCK -> 0;
            case HOLD -> 1;
            case ALLOW -> 2;
            case NOTE -> 3;
        };
    }
}
