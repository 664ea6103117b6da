package pdmbot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The token's own user: {@code GET /user} (lib/api/users.rb, {@code resource :user}). */
final class UserRoutes {

    private final EmulatorWorld world;

    UserRoutes(EmulatorWorld world) {
        this.world = world;
    }

    void register(Router router) {
        router.get("/user", this::current);
    }

    /**
     * {@code authenticate!}, then {@code present current_user} with Entities::UserPublic (UserBasic's id, username,
     * name, state, locked, avatar_url, web_url and more), Entities::UserWithAdmin adding {@code is_admin} for an admin.
     */
    private Answer current(ApiRequest r) {
        EmulatorState.User u = r.authenticated();
        ObjectNode json = RecordEntities.user(u, world.settings.webUrl());
        if (u.admin()) json.put("is_admin", true);
        return Answer.ok(json);
    }
}
