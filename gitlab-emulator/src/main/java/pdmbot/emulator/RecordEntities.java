package pdmbot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import pdmbot.emulator.EmulatorState.Deployment;
import pdmbot.emulator.EmulatorState.Environment;
import pdmbot.emulator.EmulatorState.User;

/** JSON of GitLab's user and deployment entities: {@code lib/api/entities/{user_basic,environment_basic,deployment}.rb}. */
final class RecordEntities {

    private RecordEntities() {
    }

    /** Entities::UserBasic: id, username, name, state, locked, avatar_url, web_url. */
    static ObjectNode user(User u, String webUrl) {
        ObjectNode json = Json.object();
        json.put("id", u.id());
        json.put("username", u.username());
        json.put("name", u.name());
        json.put("state", "active");
        json.put("locked", false);
        json.put("avatar_url", webUrl + "/uploads/-/system/user/avatar/" + u.id() + "/avatar.png");
        json.put("web_url", webUrl + "/" + u.username());
        return json;
    }

    /** Entities::EnvironmentBasic: id, name, slug, external_url, created_at, updated_at. */
    static ObjectNode environmentBasic(Environment e) {
        ObjectNode json = Json.object();
        json.put("id", e.id());
        json.put("name", e.name());
        json.put("slug", e.slug());
        json.putNull("external_url");
        json.put("created_at", Json.time(e.createdAt()));
        json.put("updated_at", Json.time(e.updatedAt()));
        return json;
    }

    /** Entities::Environment: EnvironmentBasic plus tier, state, last_deployment and the auto-stop fields. */
    static ObjectNode environment(Environment e, Deployment last, EmulatorWorld world) {
        ObjectNode json = environmentBasic(e);
        json.put("tier", tier(e.name()));
        json.put("state", "available");
        json.putNull("auto_stop_at");
        json.putNull("auto_stop_setting");
        if (last == null) json.putNull("last_deployment");
        else json.set("last_deployment", deployment(last, world));
        return json;
    }

    /** GitLab guesses the tier from the name (app/models/environment.rb {@code guess_tier}). */
    private static String tier(String name) {
        if (name.matches("(?i).*(prod|gprd|live).*")) return "production";
        if (name.matches("(?i).*(st(a|)g|gstg|model|pre|demo).*")) return "staging";
        if (name.matches("(?i).*(test|tst|int|ac(ce|)pt|qa|qc|control|quality).*")) return "testing";
        if (name.matches("(?i).*(dev|review|trunk).*")) return "development";
        return "other";
    }

    /**
     * Entities::Deployment: id, iid, ref, sha, created_at, updated_at, user, environment, deployable, status. No
     * finished_at although the column exists; deployable is null for API-created deployments (docs "Create a
     * deployment" example), which every emulator deployment is.
     */
    static ObjectNode deployment(Deployment d, EmulatorWorld world) {
        ObjectNode json = Json.object();
        json.put("id", d.id());
        json.put("iid", d.iid());
        json.put("ref", d.ref());
        json.put("sha", d.sha());
        json.put("created_at", Json.time(d.createdAt()));
        json.put("updated_at", Json.time(d.updatedAt()));
        json.set("user", user(world.user(d.userId()), world.settings.webUrl()));
        Environment env = world.state.environments.stream().filter(e -> e.id() == d.environmentId()).findFirst().orElseThrow();
        json.set("environment", environmentBasic(env));
        json.putNull("deployable");
        json.put("status", d.status());
        return json;
    }

    /** Entities::DeploymentExtended (create and update answers): Deployment plus the approval summary. */
    static ObjectNode deploymentExtended(Deployment d, EmulatorWorld world) {
        ObjectNode json = deployment(d, world);
        json.put("pending_approval_count", 0);
        json.putArray("approvals");
        return json;
    }

    static List<String> sortedLabels(List<String> labels) {
        return labels.stream().distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }
}
