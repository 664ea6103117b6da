package pdmbot.world.gitlab;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a GitLab call is retried: at most {@code maxAttempts} tries, waiting an exponential
 * backoff with jitter between them (or what {@code Retry-After} asks, when it asks for no more than {@code maxDelay}).
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(30));

    public RetryPolicy {
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
