package pdmbot.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A deployment environment: the four GitLab.com has always had ({@link #GSTG_CNY}, {@link #GSTG}, {@link #GPRD_CNY},
 * {@link #GPRD}) and any other the configuration defines ({@link #define}, e.g. a Cells ring). Its id is its identity:
 * one instance per id in the process, so stores and commands that read an id from a row or a message find the same
 * value the configuration made.
 */
public final class Environment implements Comparable<Environment> {

    /** What the configuration says about an environment the bot does not know by itself. */
    public record Definition(String id, boolean production, boolean hasPostDeployMigrations, String databaseEnvironment,
                             String deployEnvironment, Optional<String> qaPipeline) {
        public Definition {
            id = normalise(id);
            if (id.isEmpty() || !id.matches("[a-z0-9][a-z0-9._-]*"))
                throw new IllegalArgumentException("'" + id + "' is not an environment id (lower-case letters, digits, '.', '_', '-')");
            if (databaseEnvironment == null || databaseEnvironment.isBlank()) databaseEnvironment = "db/" + id;
            if (deployEnvironment == null || deployEnvironment.isBlank()) deployEnvironment = id;
            qaPipeline = qaPipeline == null ? Optional.empty() : qaPipeline.filter(p -> !p.isBlank());
        }
    }

    private static final Map<String, Environment> DEFINED = new LinkedHashMap<>();

    public static final Environment GSTG_CNY = builtIn("gstg-cny", false, false);
    public static final Environment GSTG = builtIn("gstg", false, true);
    public static final Environment GPRD_CNY = builtIn("gprd-cny", true, false);
    public static final Environment GPRD = builtIn("gprd", true, true);

    private static final List<Environment> KNOWN = List.of(GSTG_CNY, GSTG, GPRD_CNY, GPRD);

    private final Definition definition;
    private final int rank;

    private Environment(Definition definition, int rank) {
        this.definition = definition;
        this.rank = rank;
    }

    private static Environment builtIn(String id, boolean production, boolean hasPostDeployMigrations) {
        return define(new Definition(id, production, hasPostDeployMigrations, null, null, Optional.empty()));
    }

    /**
     * The environment this definition describes: made once per process and returned again for the same definition.
     * A second, different definition of an id is refused: every part of the bot must mean the same thing by it.
     */
    public static Environment define(Definition definition) {
        Objects.requireNonNull(definition, "definition");
        synchronized (DEFINED) {
            Environment existing = DEFINED.get(definition.id());
            if (existing != null) {
                if (existing.definition.equals(definition)) return existing;
                throw new IllegalArgumentException(definition.id() + " is already defined " + (existing.rank < 4
                        ? "by the bot itself (production " + existing.isProduction() + ", post-deploy migrations "
                        + existing.hasPostDeployMigrations() + "); pick another id for a new environment"
                        : "differently in this process (" + existing.definition + ")"));
            }
            Environment made = new Environment(definition, DEFINED.size());
            DEFINED.put(definition.id(), made);
            return made;
        }
    }

    /** The four environments the bot knows without configuration, in deployment order. */
    public static List<Environment> known() {
        return KNOWN;
    }

    /** Every environment defined in this process: the known four, then the configured ones in the order defined. */
    public static List<Environment> defined() {
        synchronized (DEFINED) {
            return List.copyOf(new ArrayList<>(DEFINED.values()));
        }
    }

    /** The name release managers type: {@code gstg}, {@code gprd-cny}, {@code cells-ring-0}… */
    public String id() {
        return definition.id();
    }

    /** Whether post-deploy migrations run on this environment (gstg and gprd, not canaries). */
    public boolean hasPostDeployMigrations() {
        return definition.hasPostDeployMigrations();
    }

    /** The deployment environment that tracks post-deploy migrations here: {@code db/gstg}. */
    public String databaseEnvironment() {
        return definition.databaseEnvironment();
    }

    /** What the deployer's {@code DEPLOY_ENVIRONMENT} variable says for this environment: {@code gstg}. */
    public String deployEnvironment() {
        return definition.deployEnvironment();
    }

    /** The project of the QA pipeline run against this environment, when it has its own (else the configured one). */
    public Optional<String> qaPipeline() {
        return definition.qaPipeline();
    }

    /** Whether it serves users: a run on it needs the production checks, a deployment running on it fails a run. */
    public boolean isProduction() {
        return definition.production();
    }

    public static Optional<Environment> byId(String text) {
        if (text == null) return Optional.empty();
        String wanted = normalise(text);
        synchronized (DEFINED) {
            Environment e = DEFINED.get(wanted);
            if (e != null) return Optional.of(e);
            return DEFINED.values().stream().filter(d -> d.databaseEnvironment().equals(text.trim().toLowerCase())).findFirst();
        }
    }

    private static String normalise(String text) {
        String t = text == null ? "" : text.trim().toLowerCase();
        return t.startsWith("db/") ? t.substring(3) : t;
    }

    /** Deployment order for the known four, then configured environments in the order they were defined. */
    @Override
    public int compareTo(Environment other) {
        return Integer.compare(rank, other.rank);
    }

    @Override
    public String toString() {
        return id();
    }
}
