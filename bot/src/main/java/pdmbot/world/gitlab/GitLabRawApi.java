package pdmbot.world.gitlab;

import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import org.gitlab4j.api.AbstractApi;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.GitLabApiException;

/**
 * Requests whose body we read ourselves: gitlab4j's models drop fields we need ({@code finished_at} ordering of
 * deployments, issue labels and severity, {@code add_labels}) or read whole bodies we want to stream (compare, job
 * logs). Goes through gitlab4j's client, so the token, the timeouts and the error handling are those of every call.
 */
final class GitLabRawApi extends AbstractApi {

    /**
     * A body, the {@code X-Next-Page} header GitLab paginates with (blank on the last page) and the {@code Link}
     * header (blank without one), which keyset pagination sends alone.
     */
    record Page(InputStream body, String nextPage, String link) {
    }

    GitLabRawApi(GitLabApi api) {
        super(api);
    }

    /** The response body; the caller closes it. Path segments are sent as given, so encode project paths. */
    InputStream get(Map<String, String> query, Object... path) throws GitLabApiException {
        return page(query, path).body();
    }

    Page page(Map<String, String> query, Object... path) throws GitLabApiException {
        Response response = get(Response.Status.OK, params(query), path);
        String next = response.getHeaderString("X-Next-Page");
        String link = response.getHeaderString("Link");
        return new Page(response.readEntity(InputStream.class), next == null ? "" : next.trim(),
                link == null ? "" : link.trim());
    }

    /** A POST with form parameters (GitLab's API takes them as the documented parameters); the caller closes the body. */
    InputStream post(Map<String, String> form, Object... path) throws GitLabApiException {
        Form body = new Form();
        form.forEach(body::param);
        Response response = post(Response.Status.CREATED, body, path);
        return response.readEntity(InputStream.class);
    }

    /** A PUT with form parameters; the caller closes the body. */
    InputStream put(Map<String, String> form, Object... path) throws GitLabApiException {
        Response response = put(Response.Status.OK, params(form), path);
        return response.readEntity(InputStream.class);
    }

    private static MultivaluedMap<String, String> params(Map<String, String> values) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        values.forEach(params::add);
        return params;
    }

    /** The project path as a path segment: {@code gitlab-org%2Fgitlab}. */
    String projectSegment(String project) throws GitLabApiException {
        return String.valueOf(getProjectIdOrPath(project));
    }
}
