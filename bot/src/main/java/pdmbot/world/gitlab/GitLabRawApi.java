package pdmbot.world.gitlab;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import org.gitlab4j.api.AbstractApi;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.GitLabApiException;

/**
 * GET requests whose body we read ourselves: gitlab4j's models drop fields we need ({@code finished_at} ordering of
 * deployments) or read whole bodies we want to stream (compare). Goes through gitlab4j's client, so the token,
 * the timeouts and the error handling are the same as every other call.
 */
final class GitLabRawApi extends AbstractApi {

    GitLabRawApi(GitLabApi api) {
        super(api);
    }

    /** The response body; the caller closes it. Path segments are sent as given, so encode project paths. */
    InputStream get(Map<String, String> query, Object... path) throws GitLabApiException {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        query.forEach(params::add);
        Response response = get(Response.Status.OK, params, path);
        return response.readEntity(InputStream.class);
    }

    /** The project path as a path segment: {@code gitlab-org%2Fgitlab}. */
    String projectSegment(String project) throws GitLabApiException {
        return String.valueOf(getProjectIdOrPath(project));
    }
}
