package pdmbot.rules.promotion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
 * The guards of a deploy promotion: {@code promotion.drl} over {@link PromotionFacts} and the production checks'
 * facts. Compiled once, like {@code checks.drl}; each evaluation uses a fresh session.
 */
public final class PromotionRules {

    public static final String RESOURCE = "pdmbot/rules/promotion/promotion.drl";

    private static final AtomicLong BUILDS = new AtomicLong();

    private final KieBase base;

    private PromotionRules(KieBase base) {
        this.base = base;
    }

    /** The built-in {@code promotion.drl}, compiled once per process. */
    public static PromotionRules builtIn() {
        return BuiltIn.RULES;
    }

    private static final class BuiltIn {
        static final PromotionRules RULES = compileBuiltIn();
    }

    private static PromotionRules compileBuiltIn() {
        try (InputStream in = PromotionRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new UnableToCompilePromotionRulesException(RESOURCE + " is missing from the classpath");
            return compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UnableToCompilePromotionRulesException("cannot read " + RESOURCE + ": " + e.getMessage());
        }
    }

    /** Compiles guards from DRL text; errors name the line. */
    public static PromotionRules compile(String drl) {
        KieServices services = KieServices.Factory.get();
        // a release id of its own: the other rule books of this JVM build into the same repository
        ReleaseId releaseId = services.newReleaseId("pdmbot", "promotion-guards", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem files = services.newKieFileSystem().generateAndWritePomXML(releaseId);
        files.write("src/main/resources/" + RESOURCE, drl);
        KieBuilder builder = services.newKieBuilder(files).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty())
            throw new UnableToCompilePromotionRulesException("promotion.drl does not compile: " + errors.get(0).getText()
                    + " (line " + errors.get(0).getLine() + ")");
        return new PromotionRules(services.newKieContainer(releaseId).getKieBase());
    }

    /** Evaluates every guard over the facts. */
    public PromotionReport evaluate(Collection<?> facts) {
        KieSession session = base.newKieSession();
        try {
            for (Object fact : facts) session.insert(fact);
            session.fireAllRules();
            List<GuardOutcome> outcomes = new ArrayList<>();
            for (QueryResultsRow row : session.getQueryResults("outcomes")) outcomes.add((GuardOutcome) row.get("$o"));
            return new PromotionReport(outcomes);
        } finally {
            session.dispose();
        }
    }
}
