package pdmbot.world.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gitlab4j.api.GitLabApiException;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.world.BackgroundMigrations;
import pdmbot.world.BatchedBackgroundMigration;

/**
 * {@code GET /admin/batched_background_migrations?database=main|ci} (lib/api/admin/batched_background_migrations.rb,
 * admin only), each row an Entities::BatchedBackgroundMigration: id, job_class_name, table_name, column_name, status,
 * progress, created_at, estimated_time_remaining. The admin API acts on the databases of the instance it is sent to
 * (GitLab.com → gprd), so only production is answered; staging's own instance is not configured.
 */
final class GitLabBackgroundMigrations implements BackgroundMigrations {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GitLabJson json;

    GitLabBackgroundMigrations(GitLabJson json) {
        this.json = json;
    }

    @Override
    public List<BatchedBackgroundMigration> on(Environment environment, LogicalDatabase database) {
        if (environment != Environment.GPRD) return List.of();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("database", database.id());
        query.put("per_page", "100");
        String request = "GET /admin/batched_background_migrations?database=" + database.id();
        JsonNode rows = json.calls().read(UnableToReadBackgroundMigrationsException::new, request, () -> {
            try (InputStream body = json.raw().get(query, "admin", "batched_background_migrations")) {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new GitLabApiException(e);
            }
        });
        if (rows == null || !rows.isArray())
            throw new UnableToReadBackgroundMigrationsException("GitLab answered " + request
                    + " with malformed JSON (expected an array)", null);
        List<BatchedBackgroundMigration> all = new ArrayList<>();
        for (JsonNode row : rows)
            all.add(new BatchedBackgroundMigration(database, row.path("job_class_name").asText(""),
                    row.path("table_name").asText(""), row.path("column_name").asText(""), row.path("status").asText("unknown"),
                    row.path("progress").isNumber() ? String.format(java.util.Locale.ROOT, "%.1f%%", row.path("progress").asDouble()) : ""));
        return all;
    }
}
