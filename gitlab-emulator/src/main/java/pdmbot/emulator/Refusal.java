package pdmbot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request GitLab refuses, carrying GitLab's exact answer. Thrown by handlers and turned into the answer by
 * the server; it is a response, not a failure of the emulator. Bodies from {@code lib/api/helpers.rb}
 * ({@code bad_request!}, {@code not_found!}, {@code unauthorized!}, {@code forbidden!},
 * {@code render_validation_error!}), Grape's parameter validation and {@code lib/api/api.rb}.
 */
final class Refusal extends RuntimeException {

    private final transient Answer answer;

    private Refusal(Answer answer) {
        super(null, null, false, false);
        this.answer = answer;
    }

    Answer answer() {
        return answer;
    }

    static Refusal of(int status, ObjectNode body) {
        return new Refusal(Answer.json(status, body));
    }

    private static Refusal message(int status, String text) {
        ObjectNode body = Json.object();
        body.put("message", text);
        return of(status, body);
    }

    /** {@code not_found!(resource)}: {"message":"404 Commit Not Found"}. */
    static Refusal notFound(String resource) {
        return message(404, "404 " + resource + " Not Found");
    }

    /** ActiveRecord::RecordNotFound rescued in lib/api/api.rb: {"message":"404 Not found"}. */
    static Refusal recordNotFound() {
        return message(404, "404 Not found");
    }

    /** {@code not_found!} without a resource: {"message":"404 Not Found"}. */
    static Refusal notFound() {
        return message(404, "404 Not Found");
    }

    /** A route Grape does not know: {"error":"404 Not Found"}. */
    static Refusal unknownRoute() {
        return grape(404, "404 Not Found");
    }

    /** {@code bad_request!(reason)}: {"message":"400 Bad request - reason"}. */
    static Refusal badRequest(String reason) {
        return message(400, "400 Bad request - " + reason);
    }

    /** {@code bad_request!} with a plain message, e.g. merge_base's "Provide at least 2 refs". */
    static Refusal badRequestMessage(String text) {
        return message(400, text);
    }

    /** Grape parameter validation: {"error":"sha is missing, ref is missing"}. */
    static Refusal grape(int status, String error) {
        ObjectNode body = Json.object();
        body.put("error", error);
        return of(status, body);
    }

    static Refusal invalidParameter(String error) {
        return grape(400, error);
    }

    /** {@code render_validation_error!}: {"message":{"field":["text"]}}. */
    static Refusal validation(String field, String text) {
        ObjectNode body = Json.object();
        body.putObject("message").putArray(field).add(text);
        return of(400, body);
    }

    static Refusal unauthorized() {
        return message(401, "401 Unauthorized");
    }

    static Refusal forbidden() {
        return message(403, "403 Forbidden");
    }

    static Refusal forbidden(String reason) {
        return message(403, "403 Forbidden - " + reason);
    }

    static Refusal unprocessable(String text) {
        return message(422, text);
    }

    /** A token with the read_api scope on a write (lib/gitlab/auth/auth_finders.rb, InsufficientScopeError). */
    static Refusal insufficientScope() {
        ObjectNode body = Json.object();
        body.put("error", "insufficient_scope");
        body.put("error_description", "The request requires higher privileges than provided by the access token.");
        body.put("scope", "api");
        return of(403, body);
    }
}
