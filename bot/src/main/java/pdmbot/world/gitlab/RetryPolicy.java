package pdmbot.world.gitlab;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a GitLab call is retried: at most {@code maxAttempts} tries, waiting an exponential
 * backoff with jitter between them, at most {@code maxDelay}, or what {@code Retry-After} asks when it asks for no
 * more than {@code maxRetryAfter} (a rate limit's period can be a minute: Rack::Attack answers the seconds left in it).
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay, Duration maxRetryAfter) {

    /** How long a {@code Retry-After} is waited for unless configured otherwise. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(30),
            DEFAULT_MAX_RETRY_AFTER);

    /** With the default {@code Retry-After} cap. */
    public RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {
        this(maxAttempts, firstDelay, maxDelay, DEFAULT_MAX_RETRY_AFTER);
    }

    /** The same policy waiting at most {@code value} for a {@code Retry-After}. */
    public RetryPolicy withMaxRetryAfter(Duration value) {
        return new RetryPolicy(maxAttempts, firstDelay, maxDelay, value);
    }

    public RetryPolicy {
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxRetryAfter.isNegative()) throw new IllegalArgumentException("maxRetryAfter must not be negative");
        if (maxAttempts < 1) throw new IllegalArgumentException("at least one attempt: " + maxAttempts);
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0)
            throw new IllegalArgumentException("delays must satisfy 0 <= firstDelay <= maxDelay");
    }

    /** The wait before try {@code failedAttempt + 1}: half the exponential step, plus up to another half at random. */
    Duration backoffAfter(int failedAttempt, RandomGenerator random) {
        long step = firstDelay.toMillis();
        for (int i = 1; i < failedAttempt && step < maxDelay.toMillis(); i++) step *= 2;
        step = Math.min(step, maxDelay.toMillis());
        long half = step / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }
}
