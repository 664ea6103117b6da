package pdmbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * GitLab's offset pagination ({@code lib/gitlab/pagination/offset_pagination.rb},
 * {@code offset_header_builder.rb}): {@code page} default 1, {@code per_page} default 20 capped at 100; headers
 * X-Page, X-Per-Page, X-Next-Page and X-Prev-Page (empty when none), X-Total, X-Total-Pages (at least 1) and a
 * Link header with prev, next, first, last in that order. Above 10,000 rows there are no totals and no last link
 * ({@code Kaminari::PaginatableWithoutCount}).
 */
final class Pagination {

    static final int DEFAULT_PER_PAGE = 20;
    static final int MAX_PER_PAGE = 100;
    static final int COUNT_LIMIT = 10_000;

    record Window(int page, int perPage) {
        int offset() {
            return (page - 1) * perPage;
        }
    }

    private Pagination() {
    }

    static Window window(ApiRequest request) {
        int page = Math.max(1, request.intParam("page", 1));
        int perPage = request.intParam("per_page", DEFAULT_PER_PAGE);
        if (perPage < 1) perPage = DEFAULT_PER_PAGE;
        return new Window(page, Math.min(perPage, MAX_PER_PAGE));
    }

    static <T> Answer page(ApiRequest request, List<T> rows, Function<T, JsonNode> entity) {
        Window w = window(request);
        ArrayNode body = Json.array();
        for (int i = w.offset(); i < Math.min(rows.size(), w.offset() + w.perPage()); i++) body.add(entity.apply(rows.get(i)));
        int total = rows.size();
        int totalPages = Math.max(1, (total + w.perPage() - 1) / w.perPage());
        boolean counted = total <= COUNT_LIMIT;
        boolean hasNext = w.page() < totalPages;
        return Answer.ok(body).withHeaders(headers(request, w, hasNext, counted ? total : -1, counted ? totalPages : -1));
    }

    /**
     * A page without totals, as {@code GET repository/commits} answers ({@code exclude_total_headers}): the caller
     * loaded one row more than the page, and X-Next-Page is set exactly when that row exists.
     */
    static Answer pageWithoutTotals(ApiRequest request, Window w, List<JsonNode> loadedPlusOne) {
        ArrayNode body = Json.array();
        loadedPlusOne.stream().limit(w.perPage()).forEach(body::add);
        return Answer.ok(body).withHeaders(headers(request, w, loadedPlusOne.size() > w.perPage(), -1, -1));
    }

    private static Map<String, String> headers(ApiRequest request, Window w, boolean hasNext, int total, int totalPages) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Per-Page", String.valueOf(w.perPage()));
        h.put("X-Page", String.valueOf(w.page()));
        h.put("X-Next-Page", hasNext ? String.valueOf(w.page() + 1) : "");
        h.put("X-Prev-Page", w.page() > 1 ? String.valueOf(w.page() - 1) : "");
        if (total >= 0) {
            h.put("X-Total", String.valueOf(total));
            h.put("X-Total-Pages", String.valueOf(totalPages));
        }
        StringBuilder link = new StringBuilder();
        if (w.page() > 1) append(link, request, w.page() - 1, w.perPage(), "prev");
        if (hasNext) append(link, request, w.page() + 1, w.perPage(), "next");
        append(link, request, 1, w.perPage(), "first");
        if (totalPages > 0) append(link, request, totalPages, w.perPage(), "last");
        h.put("Link", link.toString());
        return h;
    }

    private static void append(StringBuilder link, ApiRequest request, int page, int perPage, String rel) {
        // Rails' to_query: the request's query parameters sorted by name, page and per_page replaced
        Map<String, String> query = new TreeMap<>();
        for (Map.Entry<String, String> p : queryPairs(request.rawQuery).entrySet()) query.put(p.getKey(), p.getValue());
        query.put("page", String.valueOf(page));
        query.put("per_page", String.valueOf(perPage));
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        if (link.length() > 0) link.append(", ");
        link.append('<').append(request.baseUrl).append(request.rawPath).append('?').append(q).append(">; rel=\"").append(rel).append('"');
    }

    private static Map<String, String> queryPairs(String raw) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (raw == null) return pairs;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            pairs.put(java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return pairs;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%5B", "[").replace("%5D", "]");
    }
}
