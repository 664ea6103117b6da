package pdmbot.world.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gitlab4j.api.GitLabApiException;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.world.BackgroundMigrations;
import pdmbot.world.BatchedBackgroundMigration;

/**
 * {@code GET /admin/batched_background_migrations?database=main|ci} (lib/api/admin/batched_background_migrations.rb),
 * each row an Entities::BatchedBackgroundMigration: id, job_class_name, table_name, column_name, status, progress,
 * created_at, estimated_time_remaining. The route runs {@code authenticated_as_admin!} (403 for any other token), lists
 * the newest {@value #RETURNED_MIGRATIONS} by {@code created_at} only (Database::BatchedBackgroundMigrationsFinder's
 * {@code RETURNED_MIGRATIONS}; not paginated, and the route passes the finder no {@code job_class_name}), and acts on
 * the databases of the instance it is sent to (GitLab.com → gprd): staging's instance is not asked. What cannot be
 * read is {@link Listing.Unknown} with its reason, never "none".
 */
final class GitLabBackgroundMigrations implements BackgroundMigrations {

    static final int RETURNED_MIGRATIONS = 20;
    static final String ADMIN_TOKEN_ENV = "PDM_GITLAB_ADMIN_TOKEN";
    private static final Set<Integer> REFUSED = Set.of(401, 403, 404);

    private final GitLabJson json;
    private final boolean adminToken;
    private final String instance;

    /** {@code json} with the admin token when one is configured ({@code adminToken}), else with the main token. */
    GitLabBackgroundMigrations(GitLabJson json, boolean adminToken, String instance) {
        this.json = json;
        this.adminToken = adminToken;
        this.instance = instance;
    }

    @Override
    public List<BatchedBackgroundMigration> on(Environment environment, LogicalDatabase database) {
        Listing listing = listingOn(environment, database);
        if (listing instanceof Listing.Listed listed) return listed.migrations();
        if (listing instanceof Listing.Unknown unknown)
            throw new UnableToReadBackgroundMigrationsException(unknown.reason(), null);
        throw new IllegalStateException("a background migrations listing is Listed or Unknown: " + listing);
    }

    @Override
    public Listing listingOn(Environment environment, LogicalDatabase database) {
        if (environment != Environment.GPRD)
            return new Listing.Unknown(environment.id() + "'s databases belong to another GitLab instance than " + instance
                    + ", whose admin API answers for its own databases (gprd) only");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("database", database.id());
        String request = "GET /admin/batched_background_migrations?database=" + database.id();
        GitLabCalls.Answer<JsonNode> answer = json.calls().readUnlessRefused(UnableToReadBackgroundMigrationsException::new,
                request, REFUSED, () -> {
                    try (InputStream body = json.raw().get(query, "admin", "batched_background_migrations")) {
                        return GitLabJson.read(body);
                    } catch (IOException e) {
                        throw new GitLabApiException(e);
                    }
                });
        if (answer instanceof GitLabCalls.Refused<JsonNode> refused)
            return new Listing.Unknown("GitLab answered " + refused.message() + " to " + request + ": "
                    + (adminToken ? "the token in " + ADMIN_TOKEN_ENV + " is not an administrator's"
                    : "the admin API needs an administrator's token; set " + ADMIN_TOKEN_ENV));
        if (!(answer instanceof GitLabCalls.Answered<JsonNode> answered))
            throw new IllegalStateException("a GitLab answer is Answered or Refused: " + answer);
        JsonNode rows = answered.value();
        if (rows == null || !rows.isArray())
            throw new UnableToReadBackgroundMigrationsException("GitLab answered " + request
                    + " with malformed JSON (expected an array)", null);
        List<BatchedBackgroundMigration> all = new ArrayList<>();
        for (JsonNode row : rows)
            all.add(new BatchedBackgroundMigration(database, row.path("job_class_name").asText(""),
                    row.path("table_name").asText(""), row.path("column_name").asText(""), row.path("status").asText("unknown"),
                    row.path("progress").isNumber() ? String.format(java.util.Locale.ROOT, "%.1f%%", row.path("progress").asDouble()) : ""));
        return new Listing.Listed(all, all.size() < RETURNED_MIGRATIONS ? ""
                : "it is not among the newest " + RETURNED_MIGRATIONS + " GitLab's admin API lists, the most it lists");
    }
}
