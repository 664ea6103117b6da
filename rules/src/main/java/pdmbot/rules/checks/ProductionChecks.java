package pdmbot.rules.checks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.QueryResults;
import org.kie.api.runtime.rule.QueryResultsRow;

/**
 * The production checks before a PDM run: {@code checks.drl} over {@link CheckFacts}. The rule base is compiled
 * once; each evaluation uses a fresh session.
 */
public final class ProductionChecks {

    public static final String RESOURCE = "pdmbot/rules/checks/checks.drl";

    private static final java.util.concurrent.atomic.AtomicLong BUILDS = new java.util.concurrent.atomic.AtomicLong();

    private final KieBase base;

    private ProductionChecks(KieBase base) {
        this.base = base;
    }

    /** The built-in {@code checks.drl}, compiled once per process (a rule base is safe to share). */
    public static ProductionChecks builtIn() {
        return BuiltIn.CHECKS;
    }

    private static final class BuiltIn {
        static final ProductionChecks CHECKS = compileBuiltIn();
    }

    /** Compiles the built-in {@code checks.drl}; a compile error is a bug of this build, thrown at once. */
    private static ProductionChecks compileBuiltIn() {
        try (InputStream in = ProductionChecks.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new UnableToCompileChecksException(RESOURCE + " is missing from the classpath");
            return compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UnableToCompileChecksException("cannot read " + RESOURCE + ": " + e.getMessage());
        }
    }

    /** Compiles checks from DRL text; errors name the line. */
    public static ProductionChecks compile(String drl) {
        KieServices services = KieServices.Factory.get();
        // A release id of its own: other rule books in this JVM build into the same repository.
        org.kie.api.builder.ReleaseId releaseId = services.newReleaseId("pdmbot", "production-checks",
                "1.0." + BUILDS.incrementAndGet());
        KieFileSystem files = services.newKieFileSystem().generateAndWritePomXML(releaseId);
        files.write("src/main/resources/" + RESOURCE, drl);
        KieBuilder builder = services.newKieBuilder(files).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty())
            throw new UnableToCompileChecksException("checks.drl does not compile: " + errors.get(0).getText()
                    + " (line " + errors.get(0).getLine() + ")");
        return new ProductionChecks(services.newKieContainer(releaseId).getKieBase());
    }

    /** Evaluates every check over the facts (built with {@link CheckFacts#builder()}). */
    public CheckReport evaluate(Collection<?> facts) {
        KieSession session = base.newKieSession();
        try {
            for (Object fact : facts) session.insert(fact);
            if (facts.stream().noneMatch(f -> f instanceof CheckFacts.RunTargets)) session.insert(CheckFacts.RunTargets.GITLAB_COM);
            session.fireAllRules();
            QueryResults results = session.getQueryResults("outcomes");
            List<CheckOutcome> outcomes = new ArrayList<>();
            for (QueryResultsRow row : results) outcomes.add((CheckOutcome) row.get("$o"));
            return new CheckReport(outcomes);
        } finally {
            session.dispose();
        }
    }
}
