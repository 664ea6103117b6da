package pdmbot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import pdmbot.emulator.EmulatorState.BatchedMigration;
import pdmbot.emulator.EmulatorState.Migration;

/** Instance administration: {@code lib/api/admin/migrations.rb}, {@code lib/api/admin/batched_background_migrations.rb}. */
final class AdminRoutes {

    private static final List<String> DATABASES = List.of("main", "ci");
    private static final int RETURNED_MIGRATIONS = 20;

    private final EmulatorWorld world;

    AdminRoutes(EmulatorWorld world) {
        this.world = world;
    }

    void register(Router router) {
        router.post("/admin/migrations/:timestamp/mark", this::mark)
                .get("/admin/batched_background_migrations", this::batched)
                .get("/admin/batched_background_migrations/:id", this::batchedOne);
    }

    /**
     * {@code POST admin/migrations/:timestamp/mark?database=main|ci} (admin only): a version the running code does not
     * have → 404 {"message":"404 Not Found"}; one already applied → 422 {"message":"You can mark only pending
     * migrations"}; otherwise recorded as run, 201 {"message":"201 Created"}.
     */
    private Answer mark(ApiRequest r) {
        r.admin();
        String version = r.path("timestamp");
        // requires :timestamp, type: Integer
        if (!version.matches("\\d+")) throw Refusal.invalidParameter("timestamp is invalid");
        String database = r.oneOf("database", "main", DATABASES);
        Migration m = world.state.migrations.stream().filter(x -> x.database().equals(database) && x.version().equals(version))
                .findFirst().orElseThrow(() -> Refusal.notFound());
        if (m.status().equals("up")) throw Refusal.unprocessable("You can mark only pending migrations");
        EmulatorState.replace(world.state.migrations, m, new Migration(m.database(), m.version(), m.name(), "up"));
        world.save();
        ObjectNode body = Json.object();
        body.put("message", "201 Created");
        return Answer.created(body);
    }

    /**
     * {@code GET admin/batched_background_migrations?database=} ({@code authenticated_as_admin!}: 403 for anyone else):
     * Database::BatchedBackgroundMigrationsFinder's {@code ordered_by_created_at_desc ... .limit(RETURNED_MIGRATIONS)}
     * with {@code RETURNED_MIGRATIONS = 20} (app/finders/database/batched_background_migrations_finder.rb), not
     * paginated ({@code per_page} is ignored), and the route passes no {@code job_class_name} filter to the finder
     * (lib/api/admin/batched_background_migrations.rb): the newest 20 only.
     */
    private Answer batched(ApiRequest r) {
        r.admin();
        String database = r.oneOf("database", "main", DATABASES);
        List<BatchedMigration> rows = world.state.batchedMigrations.stream().filter(b -> b.database().equals(database))
                .sorted(java.util.Comparator.comparing(BatchedMigration::createdAt).reversed()
                        .thenComparing(java.util.Comparator.comparingLong(BatchedMigration::id).reversed()))
                .limit(RETURNED_MIGRATIONS).toList();
        com.fasterxml.jackson.databind.node.ArrayNode body = Json.MAPPER.createArrayNode();
        rows.forEach(b -> body.add(entity(b)));
        return Answer.ok(body);
    }

    private Answer batchedOne(ApiRequest r) {
        r.admin();
        String id = r.path("id");
        return Answer.ok(entity(world.state.batchedMigrations.stream().filter(b -> String.valueOf(b.id()).equals(id))
                .findFirst().orElseThrow(Refusal::recordNotFound)));
    }

    /**
     * lib/api/entities/batched_background_migration.rb: id, job_class_name, table_name, column_name, status (the
     * state's name), progress, created_at, estimated_time_remaining. The entity documents id as a String (docs
     * example "1234") but exposes the record's integer id, which Grape writes as a JSON number.
     */
    private static ObjectNode entity(BatchedMigration b) {
        ObjectNode json = Json.object();
        json.put("id", b.id());
        json.put("job_class_name", b.jobClassName());
        json.put("table_name", b.tableName());
        json.put("column_name", b.columnName());
        json.put("status", b.status());
        json.put("progress", b.progress());
        json.put("created_at", Json.time(b.createdAt()));
        if (b.status().equals("active")) json.put("estimated_time_remaining", "1 day");
        else json.putNull("estimated_time_remaining");
        return json;
    }
}
