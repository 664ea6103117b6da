package pdmbot.world.gitlab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.GitLabApiException;

/** JSON requests on one project, read as trees, through {@link GitLabCalls}; answers not shaped as documented fail. */
final class GitLabJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Lists the bot reads (open incidents, recent pipelines) are short; a runaway list stops here. */
    static final int MAX_PAGES = 10;

    private final GitLabRawApi raw;
    private final GitLabCalls calls;

    GitLabJson(GitLabApi api, GitLabCalls calls) {
        this.raw = new GitLabRawApi(api);
        this.calls = calls;
    }

    GitLabCalls calls() {
        return calls;
    }

    GitLabRawApi raw() {
        return raw;
    }

    /** Every item of a paginated list, following the next page up to {@link #MAX_PAGES} pages. */
    List<JsonNode> list(GitLabCalls.Failure failure, String project, String suffix, Map<String, String> query) {
        return list(failure, project, suffix, query, Integer.MAX_VALUE);
    }

    /**
     * The first {@code limit} items of a paginated list: pages are read only until that many are in hand (or the list
     * ends, or {@link #MAX_PAGES} pages were read). The next page is {@code X-Next-Page}, else the {@code Link} header's
     * {@code rel="next"} (keyset pagination sends only that); totals are never needed, GitLab omits them past
     * 10,000 rows and on commit lists.
     */
    List<JsonNode> list(GitLabCalls.Failure failure, String project, String suffix, Map<String, String> query, int limit) {
        List<JsonNode> items = new ArrayList<>();
        pages(failure, project, suffix, query, MAX_PAGES, page -> {
            for (JsonNode item : page) if (items.size() < limit) items.add(item);
            return items.size() < limit;
        });
        return items;
    }

    /** Reads one page after the other while {@code more} says so after each, at most {@code maxPages}. */
    void pages(GitLabCalls.Failure failure, String project, String suffix, Map<String, String> query, int maxPages,
               java.util.function.Predicate<JsonNode> more) {
        Map<String, String> next = Map.of("page", "1");
        for (int n = 0; n < maxPages && next != null; n++) {
            Map<String, String> params = new LinkedHashMap<>(query);
            params.putAll(next);
            String request = request("GET", project, suffix, params);
            JsonPage answer = calls.read(failure, request, () -> {
                GitLabRawApi.Page p = raw.page(params, path(project, suffix));
                try (InputStream body = p.body()) {
                    return new JsonPage(JSON.readTree(body), p.nextPage(), p.link());
                } catch (IOException e) {
                    throw new GitLabApiException(e);
                }
            });
            if (!answer.body().isArray()) throw failure.create("GitLab answered " + request
                    + " with malformed JSON (expected an array): is world.gitlab.url the GitLab instance?", null);
            next = nextPage(answer);
            // a page that brings nothing ends the list, whatever the headers say
            if (answer.body().isEmpty() || !more.test(answer.body())) next = null;
        }
    }

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"next\"");

    /** The query parameters of the next page; null on the last page. */
    private static Map<String, String> nextPage(JsonPage answer) {
        if (!answer.nextPage().isEmpty()) return Map.of("page", answer.nextPage());
        Matcher m = NEXT_LINK.matcher(answer.link());
        if (!m.find()) return null;
        URI next = URI.create(m.group(1));
        Map<String, String> params = new LinkedHashMap<>();
        String q = next.getRawQuery();
        if (q == null) return null;
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) continue;
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        // the request's own filters stay; only what moves the page (page, page_token, cursor, id_after…) is taken
        params.remove("per_page");
        return params.isEmpty() ? null : params;
    }

    /** Reads a JSON answer (for calls outside {@code /projects}, such as the admin API). */
    static JsonNode read(InputStream body) throws IOException {
        return JSON.readTree(body);
    }

    /** One JSON object. */
    JsonNode get(GitLabCalls.Failure failure, String project, String suffix, Map<String, String> query) {
        return calls.read(failure, request("GET", project, suffix, query), () -> {
            try (InputStream body = raw.get(query, path(project, suffix))) {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new GitLabApiException(e);
            }
        });
    }

    private record JsonPage(JsonNode body, String nextPage, String link) {
    }

    /** A POST of form parameters that must not happen twice: not retried once GitLab may have acted on it. */
    JsonNode post(GitLabCalls.Failure failure, String project, String suffix, Map<String, String> form) {
        return calls.write(failure, request("POST", project, suffix, form), () -> {
            try (InputStream body = raw.post(form, path(project, suffix))) {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new GitLabApiException(e);
            }
        });
    }

    /** A PUT of form parameters whose repetition changes nothing (labels added, a status set), so it is retried. */
    JsonNode put(GitLabCalls.Failure failure, String project, String suffix, Map<String, String> form) {
        return calls.read(failure, request("PUT", project, suffix, Map.of()), () -> {
            try (InputStream body = raw.put(form, path(project, suffix))) {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new GitLabApiException(e);
            }
        });
    }

    /** Like {@link #put}, but GitLab answering one of {@code statuses} is an answer the caller reads. */
    GitLabCalls.Answer<JsonNode> putUnlessRefused(GitLabCalls.Failure failure, String project, String suffix,
                                                  Map<String, String> form, java.util.Set<Integer> statuses) {
        return calls.readUnlessRefused(failure, request("PUT", project, suffix, Map.of()), statuses, () -> {
            try (InputStream body = raw.put(form, path(project, suffix))) {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new GitLabApiException(e);
            }
        });
    }

    /** The raw-API path arguments for {@code /projects/:project<suffix>}. */
    Object[] path(String project, String suffix) throws GitLabApiException {
        List<Object> segments = new ArrayList<>();
        segments.add("projects");
        segments.add(raw.projectSegment(project));
        for (String s : suffix.split("/")) if (!s.isEmpty()) segments.add(s);
        return segments.toArray();
    }

    static String request(String method, String project, String suffix, Map<String, String> query) {
        StringBuilder r = new StringBuilder(method).append(" /projects/")
                .append(URLEncoder.encode(project, StandardCharsets.UTF_8)).append(suffix);
        String sep = "?";
        for (Map.Entry<String, String> e : query.entrySet()) {
            r.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = "&";
        }
        return r.toString();
    }

    static Optional<Instant> instant(JsonNode node, String field) {
        String text = node.path(field).asText(null);
        if (text == null || text.isBlank() || node.path(field).isNull()) return Optional.empty();
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static List<String> labels(JsonNode issue) {
        List<String> labels = new ArrayList<>();
        for (JsonNode l : issue.path("labels")) labels.add(l.isObject() ? l.path("name").asText("") : l.asText(""));
        return labels;
    }

    /** A well-formed JSON answer that is not what GitLab documents. */
    static final class MalformedAnswer extends JsonProcessingException {
        MalformedAnswer(String message) {
            super(message);
        }
    }
}
