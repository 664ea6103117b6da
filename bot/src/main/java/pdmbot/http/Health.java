package pdmbot.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /healthz}: 200 {@code {"status":"ok"}}, or 503 {@code {"status":"degraded","slack":"…"}} naming each problem. */
final class Health {

    private final List<HealthCheck> checks;

    Health(List<HealthCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    Endpoint.Answer readiness() {
        Map<String, String> problems = new LinkedHashMap<>();
        for (HealthCheck check : checks) {
            Optional<String> problem = check.problem();
            problem.ifPresent(p -> problems.put(check.name(), p));
        }
        if (problems.isEmpty()) return Endpoint.Answer.json(200, "{\"status\":\"ok\"}");
        StringBuilder json = new StringBuilder("{\"status\":\"degraded\"");
        problems.forEach((name, problem) -> json.append(",\"").append(escape(name)).append("\":\"").append(escape(problem)).append('"'));
        return Endpoint.Answer.json(503, json.append('}').toString());
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.toString();
    }
}
