package pdmbot.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds environment variables that look like a misspelt pdm-bot setting ({@code PDM_STORE_KND}): they would be
 * ignored without a word. Variables far from every known name (other tools' {@code PDM_HOME}) are left alone.
 */
final class EnvironmentWarnings {

    private static final String PREFIX = "PDM_";

    private EnvironmentWarnings() {
    }

    /** One sentence per suspicious variable, sorted by name. */
    static List<String> of(Map<String, String> known, Map<String, String> environment) {
        List<String> warnings = new ArrayList<>();
        for (String name : new TreeMap<>(environment).keySet()) {
            if (!name.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || known.containsKey(name)) continue;
            String upper = name.toUpperCase(Locale.ROOT);
            String nearest = null;
            int best = Integer.MAX_VALUE;
            for (String candidate : known.keySet()) {
                int d = distance(upper, candidate);
                if (d < best) {
                    best = d;
                    nearest = candidate;
                }
            }
            if (nearest != null && best <= allowedDistance(upper))
                warnings.add("the environment variable " + name + " is not a pdm-bot setting and is ignored: did you mean "
                        + nearest + " (" + known.get(nearest) + ")?");
        }
        return warnings;
    }

    /** The names pdm-bot reads, each with what it sets: every key's override and the secrets the configuration names. */
    static Map<String, String> knownNames(List<String> keyPaths, BotConfig config) {
        Map<String, String> known = new LinkedHashMap<>();
        for (String path : keyPaths) known.put(ConfigLoader.environmentName(path), path);
        secret(known, config.store().postgresPasswordEnv(), "the PostgreSQL password, store.postgres-password-env");
        secret(known, config.world().gitlab().tokenEnv(), "the GitLab token, world.gitlab.token-env");
        secret(known, config.slack().signingSecretEnv(), "the Slack signing secret, slack.signing-secret-env");
        secret(known, config.slack().botTokenEnv(), "the Slack bot token, slack.bot-token-env");
        secret(known, config.slack().appTokenEnv(), "the Slack app token, slack.app-token-env");
        secret(known, config.discord().tokenEnv(), "the Discord token, discord.token-env");
        return known;
    }

    private static void secret(Map<String, String> known, String variable, String what) {
        if (variable == null || variable.isBlank()) return;
        known.putIfAbsent(variable, what);
        known.putIfAbsent(variable + "_FILE", "a file holding " + what);
    }

    /** One typo in a short name, two in a longer one; the same letters in another case always count. */
    private static int allowedDistance(String upper) {
        return Math.min(2, Math.max(1, (upper.length() - PREFIX.length()) / 4));
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1))
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
        return d[a.length()][b.length()];
    }
}
