package pdmbot.adapters.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts the uses of each {@code response_url}: Slack accepts at most {@link #MAX_USES} posts to one, within
 * {@link #LIFETIME} of the request (https://api.slack.com/interactivity/handling#message_responses). Past either,
 * the answer goes by chat.postEphemeral instead.
 */
final class ResponseUrls {

    static final int MAX_USES = 5;
    static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final int REMEMBERED = 2000;

    private record Uses(Instant issuedAt, int count) {
    }

    private final Clock clock;
    private final Map<String, Uses> uses = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Uses> eldest) {
            return size() > REMEMBERED;
        }
    };

    ResponseUrls(Clock clock) {
        this.clock = clock;
    }

    /** Remembers when Slack handed this response_url over (the request's arrival). */
    synchronized void received(String url) {
        if (url != null) uses.putIfAbsent(url, new Uses(clock.instant(), 0));
    }

    /** Takes one use of {@code url} if it has one left; false when it is used up, expired or absent. */
    synchronized boolean take(String url) {
        if (url == null || url.isBlank()) return false;
        Uses u = uses.getOrDefault(url, new Uses(clock.instant(), 0));
        if (u.count() >= MAX_USES || !clock.instant().isBefore(u.issuedAt().plus(LIFETIME))) return false;
        uses.put(url, new Uses(u.issuedAt(), u.count() + 1));
        return true;
    }
}
