package pdmbot.rules.triage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.QueryResultsRow;

/**
 * The triage advice for a failed post-deploy migration: {@code triage.drl} over one {@link FailedMigration}, loaded
 * as {@code checks.drl} is (compiled once, a fresh session per question).
 */
public final class TriageAdvisor {

    public static final String RESOURCE = "pdmbot/rules/triage/triage.drl";
    private static final AtomicLong BUILDS = new AtomicLong();

    private final KieBase base;

    private TriageAdvisor(KieBase base) {
        this.base = base;
    }

    /** The built-in {@code triage.drl}, compiled once per process on first use. */
    public static TriageAdvisor builtIn() {
        return BuiltIn.ADVISOR;
    }

    private static final class BuiltIn {
        static final TriageAdvisor ADVISOR = compileBuiltIn();
    }

    private static TriageAdvisor compileBuiltIn() {
        try (InputStream in = TriageAdvisor.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new UnableToCompileTriageRulesException(RESOURCE + " is missing from the classpath");
            return compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UnableToCompileTriageRulesException("cannot read " + RESOURCE + ": " + e.getMessage());
        }
    }

    /** Compiles triage rules from DRL text; errors name the line. */
    public static TriageAdvisor compile(String drl) {
        KieServices services = KieServices.Factory.get();
        org.kie.api.builder.ReleaseId releaseId = services.newReleaseId("pdmbot", "triage-advice", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem files = services.newKieFileSystem().generateAndWritePomXML(releaseId);
        files.write("src/main/resources/" + RESOURCE, drl);
        KieBuilder builder = services.newKieBuilder(files).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty())
            throw new UnableToCompileTriageRulesException("triage.drl does not compile: " + errors.get(0).getText()
                    + " (line " + errors.get(0).getLine() + ")");
        return new TriageAdvisor(services.newKieContainer(releaseId).getKieBase());
    }

    /** What the rules advise for this failure. */
    public TriageAdvice advise(FailedMigration failure) {
        KieSession session = base.newKieSession();
        try {
            session.insert(failure);
            session.fireAllRules();
            List<RetryAdvice> retry = new ArrayList<>();
            List<DeployAdvice> deploys = new ArrayList<>();
            for (QueryResultsRow row : session.getQueryResults("conclusions")) {
                Object c = row.get("$c");
                if (c instanceof RetryAdvice r) retry.add(r);
                if (c instanceof DeployAdvice d) deploys.add(d);
            }
            retry.sort(java.util.Comparator.comparing(RetryAdvice::rule));
            deploys.sort(java.util.Comparator.comparing(DeployAdvice::rule));
            return new TriageAdvice(failure, retry, deploys);
        } finally {
            session.dispose();
        }
    }
}
