package pdmbot.world;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pdmbot.domain.LogicalDatabase;

/**
 * Which logical databases a post-deploy migration applies to, read from its {@code restrict_gitlab_migration}
 * line: a ci schema means ci, a main-family schema means main, none means both. A stand-in until the rules
 * module's classifier answers it.
 */
public final class MigrationDatabases {

    private static final Pattern RESTRICT = Pattern.compile(
            "^\\s*restrict_gitlab_migration\\s*\\(?\\s*gitlab_schema:\\s*[:'\"]?(\\w+)", Pattern.MULTILINE);

    private MigrationDatabases() {
    }

    public static Set<LogicalDatabase> of(String source) {
        if (source == null) return EnumSet.allOf(LogicalDatabase.class);
        Matcher m = RESTRICT.matcher(source);
        if (!m.find()) return EnumSet.allOf(LogicalDatabase.class);
        String schema = m.group(1);
        if (schema.startsWith("gitlab_ci")) return EnumSet.of(LogicalDatabase.CI);
        if (schema.startsWith("gitlab_main") || schema.equals("gitlab_sec") || schema.equals("gitlab_pm"))
            return EnumSet.of(LogicalDatabase.MAIN);
        // gitlab_shared, gitlab_internal and unknown schemas exist on every database
        return EnumSet.allOf(LogicalDatabase.class);
    }
}
