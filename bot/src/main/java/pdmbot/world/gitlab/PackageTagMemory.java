package pdmbot.world.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a restarted bot already knows about package tags: tag name → the full rails sha it was resolved to, for one
 * GitLab URL and package project, kept in a file of the data folder. A tag's rails sha never changes (the tag names
 * it), so a restart lists the newest page of tags and resolves only the new ones instead of every package again.
 * It is a cache: an unreadable or foreign file is ignored and rewritten.
 */
final class PackageTagMemory {

    private static final Logger log = LoggerFactory.getLogger(PackageTagMemory.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Remembers nothing (tests, tools). */
    static final PackageTagMemory NONE = new PackageTagMemory(null, "", "");

    private final Path file;
    private final String url;
    private final String project;

    private PackageTagMemory(Path file, String url, String project) {
        this.file = file;
        this.url = url;
        this.project = project;
    }

    static PackageTagMemory in(Path file, String url, String project) {
        return new PackageTagMemory(file, url, project);
    }

    /** The remembered tags of this URL and project; empty when none (or the file is another's or unreadable). */
    Map<String, String> recall() {
        Map<String, String> tags = new TreeMap<>();
        if (file == null || !Files.exists(file)) return tags;
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (!url.equals(root.path("url").asText()) || !project.equals(root.path("project").asText())) return tags;
            root.path("tags").properties().forEach(e -> {
                String sha = e.getValue().asText("");
                if (sha.matches("[0-9a-f]{40}")) tags.put(e.getKey(), sha);
            });
        } catch (IOException | RuntimeException e) {
            log.warn("ignoring the unreadable package tag cache {} ({})", file, e.toString());
        }
        return tags;
    }

    /** Keeps {@code tags} (the whole known set), replacing the file in one move. */
    void keep(Map<String, String> tags) {
        if (file == null) return;
        ObjectNode root = JSON.createObjectNode().put("url", url).put("project", project);
        ObjectNode all = root.putObject("tags");
        new TreeMap<>(tags).forEach(all::put);
        Optional<Path> temp = Optional.empty();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            temp = Optional.of(Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp"));
            Files.write(temp.get(), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            try {
                Files.move(temp.get(), file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp.get(), file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // only a cache: the next start resolves the tags again
            log.warn("could not keep the package tag cache {} ({})", file, e.toString());
            temp.ifPresent(t -> t.toFile().delete());
        }
    }
}
