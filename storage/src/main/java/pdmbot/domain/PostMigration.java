package pdmbot.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A post-deploy migration file, identified by its 14-digit version. */
public record PostMigration(String version, String name, String path) {

    public static final String DIRECTORY = "db/post_migrate/";
    private static final Pattern FILE = Pattern.compile("(?:.*/)?(\\d{14})_([a-z0-9_]+)\\.rb");

    public PostMigration {
        if (version == null || !version.matches("\\d{14}"))
            throw new IllegalArgumentException("a migration version has 14 digits: " + version);
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name is required");
        if (path == null || path.isBlank()) throw new IllegalArgumentException("path is required");
    }

    /** Reads a migration from its path ({@code db/post_migrate/20231101120000_add_index_foo.rb}). */
    public static java.util.Optional<PostMigration> fromPath(String path) {
        if (path == null) return java.util.Optional.empty();
        Matcher m = FILE.matcher(path);
        if (!m.matches()) return java.util.Optional.empty();
        return java.util.Optional.of(new PostMigration(m.group(1), m.group(2), path));
    }

    /** Whether a repository path is a post-deploy migration file. */
    public static boolean isPostDeployPath(String path) {
        return path != null && path.startsWith(DIRECTORY) && FILE.matcher(path).matches()
                && path.indexOf('/', DIRECTORY.length()) < 0;
    }

    /** The Ruby class name: the CamelCase of the snake_case name. */
    public String className() {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("_")) {
            if (part.isEmpty()) continue;
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    public String fileName() {
        return version + "_" + name + ".rb";
    }
}
