package pdmbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import pdmbot.emulator.EmulatorState.PlannedFailure;

/**
 * The emulator's own control API under {@code /-/emulator/} — not GitLab, and no GitLab client calls it: read and
 * advance the clock, plan and clear pipeline failures. Admin tokens only.
 */
final class ControlRoutes {

    private final EmulatorWorld world;

    ControlRoutes(EmulatorWorld world) {
        this.world = world;
    }

    void register(Router router) {
        router.get("/clock", this::clock)
                .post("/clock/advance", this::advance)
                .get("/failures", this::failures)
                .post("/failures", this::planFailure)
                .delete("/failures", this::clearFailures);
    }

    private Answer clock(ApiRequest r) {
        r.admin();
        ObjectNode json = Json.object();
        json.put("now", Json.time(world.now()));
        json.put("offset_seconds", world.clock.offset().toSeconds());
        json.put("pipeline_step_seconds", world.settings.pipelineStep().toMillis() / 1000.0);
        return Answer.ok(json);
    }

    /** {@code POST /-/emulator/clock/advance?seconds=N}: moves the clock forward; pipelines move with it. */
    private Answer advance(ApiRequest r) {
        r.admin();
        r.require("seconds");
        int seconds = r.intParam("seconds", 0);
        if (seconds < 0) throw Refusal.invalidParameter("seconds is invalid");
        world.clock.advance(Duration.ofSeconds(seconds));
        world.save();
        return clock(r);
    }

    private Answer failures(ApiRequest r) {
        r.admin();
        ArrayNode all = Json.array();
        world.state.plannedFailures.forEach(f -> all.add(entity(f)));
        return Answer.ok(all);
    }

    /**
     * {@code POST /-/emulator/failures} with JSON {"project": "group/deployer", "variables": {"DEPLOY_ENVIRONMENT":
     * "db/gstg"}, "job": optional job name, "migration": "20231107025611", "error": optional error line}: the next
     * pipeline of that project whose variables include these fails at that job, its trace naming the migration.
     */
    private Answer planFailure(ApiRequest r) {
        r.admin();
        JsonNode body = r.json();
        if (body == null || !body.isObject()) throw Refusal.invalidParameter("a JSON object is required");
        Map<String, String> variables = new LinkedHashMap<>();
        body.path("variables").properties().forEach(f -> variables.put(f.getKey(), f.getValue().asText()));
        PlannedFailure planned = world.planFailure(text(body, "project"), variables, text(body, "job"),
                text(body, "migration"), text(body, "error"));
        world.save();
        return Answer.created(entity(planned));
    }

    private static String text(JsonNode body, String name) {
        return body.hasNonNull(name) ? body.get(name).asText() : null;
    }

    private Answer clearFailures(ApiRequest r) {
        r.admin();
        int cleared = world.state.plannedFailures.size();
        world.state.plannedFailures.clear();
        world.save();
        ObjectNode json = Json.object();
        json.put("cleared", cleared);
        return Answer.ok(json);
    }

    private static ObjectNode entity(PlannedFailure f) {
        ObjectNode json = Json.object();
        json.put("id", f.id());
        json.put("project", f.project());
        json.set("variables", Json.MAPPER.valueToTree(f.variables()));
        json.put("job", f.job());
        json.put("migration", f.migration());
        json.put("error", f.error());
        return json;
    }
}
