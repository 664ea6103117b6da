package pdmbot.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Grape-style routes: literal segments and {@code :name} parameters, each parameter one URL segment decoded once.
 * GitLab's route requirements ({@code API::NAMESPACE_OR_PROJECT_REQUIREMENTS}, {@code FILE_ENDPOINT_REQUIREMENTS})
 * forbid a bare '/' in a parameter, so {@code /projects/gitlab-org/gitlab/...} is another route: 404
 * {"error":"404 Not Found"}.
 */
final class Router {

    interface Handler {
        Answer handle(ApiRequest request);
    }

    private record Route(String method, String[] parts, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router get(String pattern, Handler handler) {
        return add("GET", pattern, handler);
    }

    Router post(String pattern, Handler handler) {
        return add("POST", pattern, handler);
    }

    Router put(String pattern, Handler handler) {
        return add("PUT", pattern, handler);
    }

    Router delete(String pattern, Handler handler) {
        return add("DELETE", pattern, handler);
    }

    private Router add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, split(pattern), handler));
        return this;
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    /** Answers {@code path} (below the mount point, still percent-encoded). */
    Answer dispatch(ApiRequest request, String rawPath) {
        String[] segments = split(rawPath);
        for (Route route : routes) {
            if (!matches(route.parts, segments)) continue;
            if (!route.method.equals(request.method) && !(route.method.equals("GET") && request.method.equals("HEAD"))) continue;
            for (int i = 0; i < segments.length; i++)
                if (route.parts[i].startsWith(":")) request.pathParam(route.parts[i].substring(1), ApiRequest.decodeSegment(segments[i]));
            return route.handler.handle(request);
        }
        // lib/api/api.rb's last route is route :any, '*path' → error!('404 Not Found', 404): a known path with
        // another verb lands there too, so GitLab never answers 405
        throw Refusal.unknownRoute();
    }

    private static boolean matches(String[] parts, String[] segments) {
        if (parts.length != segments.length) return false;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].startsWith(":")) {
                if (segments[i].isEmpty()) return false;
            } else if (!parts[i].equals(segments[i])) return false;
        }
        return true;
    }
}
