package pdmbot.world.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import java.util.function.Consumer;

/**
 * The requests GitLab refuses, as WireMock stubs that win over every other stub (priority 1): a test whose code
 * sends such a request gets GitLab's own error and fails, however the rest of GitLab is stubbed.
 *
 * <p>Sources (see {@code ../shared/gitlab-facts.md} §1, §6, §7, §8): {@code app/finders/deployments_finder.rb}
 * ({@code validate!}, {@code ALLOWED_SORT_VALUES}), {@code lib/api/deployments.rb} ({@code bad_request!(e.message)}
 * and the Grape {@code values:} of {@code order_by}, {@code sort}, {@code status}), {@code lib/api/helpers.rb}
 * ({@code bad_request!} → {@code "400 Bad request - <reason>"}; {@code authenticate!} → 401 on every deployments
 * route), {@code lib/api/ci/pipelines.rb} ({@code order_by} values), {@code lib/api/tags.rb} ({@code order_by} values).
 */
public final class GitLabRefusals {

    private static final String ANY_PROJECT = "/api/v4/projects/[^/]+";
    private static final String PAIRED = "400 Bad request - `finished_at` filter and `finished_at` sorting must be paired";
    private static final String SUCCESS_ONLY =
            "400 Bad request - `finished_at` filter must be combined with `success` status filter.";

    private GitLabRefusals() {
    }

    /** Registers every refusal on the server ({@code server::stubFor}). */
    public static void install(Consumer<MappingBuilder> stubFor) {
        String deployments = ANY_PROJECT + "/deployments";
        stubFor.accept(refuse(get(urlPathMatching(deployments)).withHeader("PRIVATE-TOKEN", absent()),
                401, "{\"message\":\"401 Unauthorized\"}"));
        stubFor.accept(refuse(get(urlPathMatching(deployments))
                .withQueryParam("order_by", present("id|iid|created_at|updated_at|ref|finished_at")),
                400, "{\"error\":\"order_by does not have a valid value\"}"));
        stubFor.accept(refuse(get(urlPathMatching(deployments)).withQueryParam("sort", present("asc|desc")),
                400, "{\"error\":\"sort does not have a valid value\"}"));
        stubFor.accept(refuse(get(urlPathMatching(deployments))
                .withQueryParam("status", present("created|running|success|failed|canceled|skipped|blocked")),
                400, "{\"error\":\"status does not have a valid value\"}"));
        // finished_at sorting without a finished filter
        stubFor.accept(refuse(get(urlPathMatching(deployments)).withQueryParam("order_by", equalTo("finished_at"))
                .withQueryParam("finished_after", absent()).withQueryParam("finished_before", absent()), 400, message(PAIRED)));
        // a finished filter without finished_at sorting, or without status=success
        for (String filter : new String[] {"finished_after", "finished_before"}) {
            stubFor.accept(refuse(get(urlPathMatching(deployments)).withQueryParam(filter, matching(".*"))
                    .withQueryParam("order_by", absent()), 400, message(PAIRED)));
            stubFor.accept(refuse(get(urlPathMatching(deployments)).withQueryParam(filter, matching(".*"))
                    .withQueryParam("order_by", present("finished_at")), 400, message(PAIRED)));
            stubFor.accept(refuse(get(urlPathMatching(deployments)).withQueryParam(filter, matching(".*"))
                    .withQueryParam("order_by", equalTo("finished_at")).withQueryParam("status", absent()),
                    400, message(SUCCESS_ONLY)));
            stubFor.accept(refuse(get(urlPathMatching(deployments)).withQueryParam(filter, matching(".*"))
                    .withQueryParam("order_by", equalTo("finished_at")).withQueryParam("status", present("success")),
                    400, message(SUCCESS_ONLY)));
        }
        stubFor.accept(refuse(get(urlPathMatching(ANY_PROJECT + "/pipelines"))
                .withQueryParam("order_by", present("id|status|ref|updated_at|user_id")),
                400, "{\"error\":\"order_by does not have a valid value\"}"));
        stubFor.accept(refuse(get(urlPathMatching(ANY_PROJECT + "/repository/tags"))
                .withQueryParam("order_by", present("name|updated|version")),
                400, "{\"error\":\"order_by does not have a valid value\"}"));
        stubFor.accept(refuse(get(urlPathMatching(ANY_PROJECT + "/issues"))
                .withQueryParam("state", present("opened|closed|all")),
                400, "{\"error\":\"state does not have a valid value\"}"));
    }

    /**
     * Present with a value other than these alternatives. WireMock's {@code notMatching} also matches an absent
     * parameter, which GitLab accepts (its default), so a negative look-ahead is used instead.
     */
    private static StringValuePattern present(String alternatives) {
        return matching("(?!(?:" + alternatives + ")$).*");
    }

    private static String message(String text) {
        return "{\"message\":\"" + text.replace("\"", "\\\"") + "\"}";
    }

    private static MappingBuilder refuse(MappingBuilder request, int status, String body) {
        return request.atPriority(1).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body));
    }
}
