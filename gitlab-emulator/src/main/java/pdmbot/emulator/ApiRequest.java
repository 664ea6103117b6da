package pdmbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as a Grape endpoint sees it: path parameters, and {@code params} merged from the query string and
 * a form or JSON body (Grape merges them the same way), plus who is calling.
 */
final class ApiRequest {

    static final int MAX_BODY = 1 << 20;

    final String method;
    final String rawPath;
    final String rawQuery;
    final String baseUrl;
    private final Map<String, List<String>> params = new LinkedHashMap<>();
    private final Map<String, String> pathParams = new LinkedHashMap<>();
    private final JsonNode json;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private EmulatorState.User user;
    private EmulatorState.Token token;

    ApiRequest(String method, String rawPath, String rawQuery, String baseUrl, Map<String, String> headers, byte[] body,
               String contentType) {
        this.method = method;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
        this.baseUrl = baseUrl;
        headers.forEach((k, v) -> this.headers.put(k.toLowerCase(), v));
        parseForm(rawQuery);
        JsonNode parsed = null;
        if (body.length > 0 && contentType != null && contentType.startsWith("application/json")) {
            try {
                parsed = Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw Refusal.invalidParameter("The provided content-type 'application/json' is not valid JSON");
            }
            if (parsed.isObject()) parsed.properties().forEach(f -> {
                if (f.getValue().isValueNode() && !f.getValue().isNull())
                    params.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).add(f.getValue().asText());
                else if (f.getValue().isArray()) f.getValue().forEach(v -> {
                    if (v.isValueNode()) params.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).add(v.asText());
                });
            });
        } else if (body.length > 0) {
            parseForm(new String(body, StandardCharsets.UTF_8));
        }
        this.json = parsed;
    }

    static ApiRequest of(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) throw Refusal.grape(413, "413 Request Entity Too Large");
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.isEmpty() ? "" : v.get(0)));
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null) host = "127.0.0.1:" + exchange.getLocalAddress().getPort();
        return new ApiRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), "http://" + host, headers, body,
                exchange.getRequestHeaders().getFirst("Content-Type"));
    }

    private void parseForm(String raw) {
        if (raw == null || raw.isEmpty()) return;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
    }

    /** A path segment decoded once, as Rails decodes {@code gitlab-org%2Fgitlab}; '+' stays '+'. */
    static String decodeSegment(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    void pathParam(String name, String value) {
        pathParams.put(name, value);
    }

    String path(String name) {
        return pathParams.get(name);
    }

    String header(String name) {
        return headers.get(name.toLowerCase());
    }

    Optional<String> param(String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) return Optional.empty();
        return Optional.of(values.get(values.size() - 1));
    }

    /** {@code name} and {@code name[]}, each value split on nothing: Grape's Array[String]. */
    List<String> params(String name) {
        List<String> all = new ArrayList<>(params.getOrDefault(name, List.of()));
        all.addAll(params.getOrDefault(name + "[]", List.of()));
        return all;
    }

    /** The raw (key, value) pairs in order, for nested form arrays such as {@code variables[][key]}. */
    List<Map.Entry<String, String>> pairs() {
        List<Map.Entry<String, String>> all = new ArrayList<>();
        params.forEach((k, vs) -> vs.forEach(v -> all.add(Map.entry(k, v))));
        return all;
    }

    boolean has(String name) {
        return param(name).isPresent();
    }

    JsonNode json() {
        return json;
    }

    int intParam(String name, int fallback) {
        Optional<String> value = param(name);
        if (value.isEmpty() || value.get().isEmpty()) return fallback;
        try {
            return Integer.parseInt(value.get().trim());
        } catch (NumberFormatException e) {
            throw Refusal.invalidParameter(name + " is invalid");
        }
    }

    /** Grape's Boolean coercion: true/false/1/0, else "is invalid". */
    Optional<Boolean> boolParam(String name) {
        Optional<String> value = param(name);
        if (value.isEmpty()) return Optional.empty();
        String v = value.get().trim().toLowerCase();
        if (v.equals("true") || v.equals("1") || v.equals("t") || v.equals("yes")) return Optional.of(true);
        if (v.equals("false") || v.equals("0") || v.equals("f") || v.equals("no")) return Optional.of(false);
        throw Refusal.invalidParameter(name + " is invalid");
    }

    /** Grape's {@code requires}: every missing one named, comma-separated, in declaration order. */
    void require(String... names) {
        List<String> missing = new ArrayList<>();
        for (String n : names) if (param(n).isEmpty() && !(json != null && json.has(n) && !json.get(n).isNull())) missing.add(n + " is missing");
        if (!missing.isEmpty()) throw Refusal.invalidParameter(String.join(", ", missing));
    }

    /** Grape's {@code values:}: "order_by does not have a valid value". */
    String oneOf(String name, String fallback, List<String> allowed) {
        String value = param(name).orElse(fallback);
        if (value == null) return null;
        if (!allowed.contains(value)) throw Refusal.invalidParameter(name + " does not have a valid value");
        return value;
    }

    void caller(EmulatorState.User user, EmulatorState.Token token) {
        this.user = user;
        this.token = token;
    }

    Optional<EmulatorState.User> user() {
        return Optional.ofNullable(user);
    }

    /** {@code authenticate!}: 401 without a valid token. */
    EmulatorState.User authenticated() {
        if (user == null) throw Refusal.unauthorized();
        return user;
    }

    /** A write: authenticated, and the token must have the {@code api} scope. */
    EmulatorState.User writer() {
        EmulatorState.User u = authenticated();
        if (token != null && !token.scopes().contains("api")) throw Refusal.insufficientScope();
        return u;
    }

    /** {@code authenticated_as_admin!}: 401 anonymous, 403 for a non-admin. */
    EmulatorState.User admin() {
        EmulatorState.User u = authenticated();
        if (!u.admin()) throw Refusal.forbidden();
        return u;
    }
}
