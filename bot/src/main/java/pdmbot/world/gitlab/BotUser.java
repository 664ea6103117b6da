package pdmbot.world.gitlab;

import java.util.Map;

/**
 * The GitLab user the bot's token belongs to ({@code GET /user}, lib/api/users.rb: {@code present current_user}),
 * asked once per client: the bot looks among its own pipelines only ({@code GET pipelines?username=}).
 */
final class BotUser {

    private final GitLabJson json;
    private volatile String username;

    BotUser(GitLabJson json) {
        this.json = json;
    }

    String username() {
        String known = username;
        if (known != null) return known;
        String request = "GET /user";
        String asked = json.calls().read(UnableToReadCurrentUserException::new, request, () -> {
            try (java.io.InputStream body = json.raw().get(Map.of(), "user")) {
                return GitLabJson.read(body).path("username").asText("");
            } catch (java.io.IOException e) {
                throw new org.gitlab4j.api.GitLabApiException(e);
            }
        });
        if (asked.isBlank())
            throw new UnableToReadCurrentUserException("GitLab answered " + request + " without a username", null);
        username = asked;
        return asked;
    }
}
