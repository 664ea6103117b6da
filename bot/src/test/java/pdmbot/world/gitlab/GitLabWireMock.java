package pdmbot.world.gitlab;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import pdmbot.domain.PackageVersion;

/** A GitLab served by WireMock on loopback with the documented payloads, and a world pointed at it. */
abstract class GitLabWireMock {

    static final String TOKEN = "not-a-real-token-SECRET-1234";
    /** gitlab4j encodes path segments more than it must ({@code -} as {@code %2D}); GitLab accepts both. */
    static final String PROJECT = "/api/v4/projects/" + segment("gitlab-org/gitlab");
    static final String SECURITY_PROJECT = "/api/v4/projects/" + segment("gitlab-org/security/gitlab");
    static final String SHA_A = "97d6e07c2a1f0e4b7c3d9a8b6e5f4a3b2c1d0e9f";
    static final String SHA_B = "5b1c0d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c";
    static final String SHA_C = "0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b";
    static final String SHA_INDEX = "c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4";
    static final String VERSION_A = "16.6.202311010820-97d6e07c2a1.4ce763dbce1";
    static final String VERSION_B = "16.6.202311011420-5b1c0d2e3f4.4ce763dbce1";
    static final String VERSION_C = "16.6.202311020820-0a9b8c7d6e5.4ce763dbce1";

    @RegisterExtension
    static WireMockExtension gitlab = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    final List<Duration> sleeps = new ArrayList<>();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    GitLabWorld world;

    @BeforeEach
    void openWorld() {
        GitLabRefusals.install(gitlab::stubFor);
        gitlab.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v4/user")).willReturn(json("user-current.json")));
        logs.start();
        ((Logger) LoggerFactory.getLogger("pdmbot")).addAppender(logs);
        world = GitLabWorld.open(settings(Optional.of("gitlab-org/release/tasks#1234")),
                new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5)), sleeps::add,
                Clock.fixed(Instant.parse("2023-11-02T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void closeWorld() {
        world.close();
        ((Logger) LoggerFactory.getLogger("pdmbot")).detachAppender(logs);
    }

    static GitLabSettings settings(Optional<String> releaseIssue) {
        return new GitLabSettings(gitlab.baseUrl(), "gitlab-org/gitlab", "gitlab-org/security/gitlab",
                "gitlab-com/gl-infra/production", TOKEN, "PDM_GITLAB_TOKEN", Duration.ofSeconds(1), releaseIssue,
                PackageVersion.PATTERN);
    }

    static String segment(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace(".", "%2E")
                .replace("-", "%2D").replace("_", "%5F");
    }

    static String fixture(String name) {
        try (InputStream in = GitLabWireMock.class.getResourceAsStream("/gitlab/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 200 JSON answer from a fixture, with the single-page headers GitLab sends. */
    static ResponseDefinitionBuilder json(String fixture) {
        return WireMock.okForContentType("application/json", fixture(fixture)).withHeader("X-Per-Page", "100")
                .withHeader("X-Page", "1").withHeader("X-Total-Pages", "1").withHeader("X-Next-Page", "");
    }

    static ResponseDefinitionBuilder error(int status, String gitlabMessage) {
        return WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"" + gitlabMessage + "\"}");
    }

    /** Every log line and thrown message seen, to check none shows the token. */
    String everythingLogged() {
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent e : logs.list) {
            all.append(e.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause())
                all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
