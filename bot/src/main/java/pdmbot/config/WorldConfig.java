package pdmbot.config;

import java.util.List;

/** What the bot looks at: the generated {@code demo}, a local {@code git} checkout, or {@code gitlab}. */
public record WorldConfig(String kind, Long demoSeed, String repo, String refPattern, GitlabConfig gitlab) {
    public WorldConfig {
        if (kind == null || kind.isBlank()) kind = "demo";
        if (!List.of("demo", "git", "gitlab").contains(kind))
            throw new IllegalArgumentException("kind: must be demo, git or gitlab, not '" + kind + "'");
        if (demoSeed == null) demoSeed = 20231101L;
        if (gitlab == null) gitlab = new GitlabConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }
}
