package pdmbot.world.gitlab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.gitlab4j.api.GitLabApiException;
import org.gitlab4j.api.Pager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way this package calls GitLab: bounded retries with exponential backoff and jitter on 429 (honouring
 * {@code Retry-After}), 5xx gateway errors and timeouts; no retry on other 4xx; every failure becomes an exception
 * named for the action, whose message names GitLab, the request and the status, and never the token.
 */
final class GitLabCalls {

    private static final Logger log = LoggerFactory.getLogger(GitLabCalls.class);
    private static final String HIDDEN = "[token hidden]";

    /** One request to GitLab through gitlab4j. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws GitLabApiException;
    }

    /** Builds the exception named for the action that failed. */
    @FunctionalInterface
    interface Failure {
        GitLabException create(String message, Throwable cause);
    }

    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Duration timeout;
    private final String tokenSource;
    private final String token;
    private volatile pdmbot.telemetry.CallErrors errors = pdmbot.telemetry.CallErrors.NONE;

    GitLabCalls(RetryPolicy retry, Sleeper sleeper, RandomGenerator random, Duration timeout, String tokenSource,
                String token) {
        this.retry = Objects.requireNonNull(retry, "retry");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.tokenSource = Objects.requireNonNull(tokenSource, "tokenSource");
        this.token = token == null ? "" : token;
    }

    /** Where every failed try is counted (by HTTP verb and status or failure kind), for {@code /metrics}. */
    void countErrorsIn(pdmbot.telemetry.CallErrors sink) {
        this.errors = sink == null ? pdmbot.telemetry.CallErrors.NONE : sink;
    }

    /** Requests sent so far, each try counted (a paged read sends one per page). */
    long requestsSent() {
        return requests.get();
    }

    /** A read: retried on 429, 5xx gateway errors, timeouts and refused connections. */
    <T> T read(Failure failure, String request, Call<T> call) {
        return attempt(failure, request, call, true, problem -> false).orElseThrow(
                () -> failure.create("GitLab answered " + request + " with an empty body", null));
    }

    /** A read where 404 means "there is no such thing": empty instead of an exception. */
    <T> Optional<T> readUnlessMissing(Failure failure, String request, Call<T> call) {
        return attempt(failure, request, call, true, problem -> problem.isMissing());
    }

    /**
     * A read where 404 means "there is no such thing" unless GitLab's message names one of {@code containers}: a
     * {@code 404 Project Not Found} ({@code not_found!('Project')}, lib/api/helpers.rb: a wrong project path or a token
     * that cannot see it) still fails, where {@code 404 File Not Found} or {@code 404 Tree Not Found} is empty.
     */
    <T> Optional<T> readUnlessMissing(Failure failure, java.util.Set<String> containers, String request, Call<T> call) {
        return attempt(failure, request, call, true, problem -> problem.isMissingFrom(containers));
    }

    /** What a read answered, or the status and message of a refusal the caller takes as an answer. */
    sealed interface Answer<T> permits Answered, Refused {
    }

    record Answered<T>(T value) implements Answer<T> {
    }

    record Refused<T>(int status, String message) implements Answer<T> {
    }

    /**
     * A read where GitLab answering one of {@code statuses} (403 for a policy that denies the bot, say) is an answer,
     * not a failure; other failures are retried and thrown as by {@link #read}.
     */
    <T> Answer<T> readUnlessRefused(Failure failure, String request, java.util.Set<Integer> statuses, Call<T> call) {
        CallProblem[] refusal = new CallProblem[1];
        Optional<T> value = attempt(failure, request, call, true, problem -> {
            boolean refused = problem.kind() == CallProblem.Kind.HTTP && statuses.contains(problem.status());
            if (refused) refusal[0] = problem;
            return refused;
        });
        if (refusal[0] != null) {
            CallProblem p = refusal[0];
            String detail = p.detail() == null ? "" : p.detail().strip();
            boolean saysMore = !detail.isEmpty() && !detail.equals(p.statusLine()) && !detail.equals(p.statusLine().substring(4));
            return new Refused<>(p.status(), hide(p.statusLine() + (saysMore ? " (\"" + shorten(detail) + "\")" : "")));
        }
        return new Answered<>(value.orElseThrow(() -> failure.create("GitLab answered " + request + " with an empty body", null)));
    }

    /**
     * A write that must not happen twice: retried only when GitLab surely did not act on it (429, 503, connection
     * refused); a timeout is not retried because the write may have landed.
     */
    <T> T write(Failure failure, String request, Call<T> call) {
        return attempt(failure, request, call, false, problem -> false).orElseThrow(
                () -> failure.create("GitLab answered " + request + " with an empty body", null));
    }

    /** Every page of a paginated read; each page is retried on its own, and any page failing fails the whole list. */
    <T> List<T> readAll(Failure failure, String request, Call<Pager<T>> firstPage) {
        return pages(read(failure, request, firstPage), failure, request);
    }

    /** Like {@link #readAll} but a 404 on the first page means "nothing there". */
    <T> Optional<List<T>> readAllUnlessMissing(Failure failure, java.util.Set<String> containers, String request,
                                              Call<Pager<T>> firstPage) {
        return readUnlessMissing(failure, containers, request, firstPage).map(pager -> pages(pager, failure, request));
    }

    /**
     * The pages of a paginated read, one after the other while {@code more} says so after each, at most
     * {@code maxPages}: a newest-first list read only until what is known.
     */
    <T> List<T> readWhile(Failure failure, String request, Call<Pager<T>> firstPage,
                          java.util.function.Predicate<List<T>> more, int maxPages) {
        Pager<T> pager = read(failure, request, firstPage);
        List<T> first = pager.page(1);
        List<T> items = new ArrayList<>(first);
        boolean again = more.test(first);
        for (int read = 1; again && read < maxPages && pager.hasNext(); read++) {
            int next = pager.getCurrentPage() + 1;
            List<T> page = read(failure, request + " (page " + next + ")", () -> pager.page(next));
            items.addAll(page);
            again = !page.isEmpty() && more.test(page);
        }
        return items;
    }

    private <T> List<T> pages(Pager<T> pager, Failure failure, String request) {
        List<T> items = new ArrayList<>(pager.page(1));
        while (pager.hasNext()) {
            int next = pager.getCurrentPage() + 1;
            items.addAll(read(failure, request + " (page " + next + ")", () -> pager.page(next)));
        }
        return items;
    }

    private <T> Optional<T> attempt(Failure failure, String request, Call<T> call, boolean idempotent,
                                    java.util.function.Predicate<CallProblem> isAnAnswer) {
        for (int attempt = 1; ; attempt++) {
            CallProblem problem;
            try {
                requests.incrementAndGet();
                return Optional.ofNullable(call.run());
            } catch (GitLabApiException | RuntimeException e) {
                problem = CallProblem.of(e);
            }
            if (isAnAnswer.test(problem)) return Optional.empty();
            countError(request, problem);
            boolean again = problem.isTransient(idempotent) && attempt < retry.maxAttempts();
            Duration wait = problem.retryAfter().isPresent() ? problem.retryAfter().get()
                    : retry.backoffAfter(attempt, random);
            // a Retry-After longer than we are willing to wait ends the call now, saying so
            boolean tooLong = problem.retryAfter().isPresent() ? wait.compareTo(retry.maxRetryAfter()) > 0
                    : wait.compareTo(retry.maxDelay()) > 0;
            if (again && tooLong) {
                throw failure.create(message(problem, request, attempt) + " (GitLab asked to wait " + wait.toSeconds()
                        + " s, more than the " + retry.maxRetryAfter().toSeconds() + " s the bot waits:"
                        + " world.gitlab.retry-after-max-seconds)", safe(problem.cause()));
            }
            if (!again) throw failure.create(message(problem, request, attempt), safe(problem.cause()));
            log.warn("{}; try {} of {} in {} ms", hide(describe(problem, request)), attempt + 1, retry.maxAttempts(),
                    wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure.create(hide(describe(problem, request)) + "; interrupted while waiting to retry", e);
            }
        }
    }

    private void countError(String request, CallProblem problem) {
        try {
            int space = request.indexOf(' ');
            String verb = space > 0 && request.substring(0, space).matches("[A-Z]+") ? request.substring(0, space) : "call";
            errors.failed(verb, problem.kind() == CallProblem.Kind.HTTP ? Integer.toString(problem.status())
                    : problem.kind().name().toLowerCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            log.debug("could not count a GitLab call error: {}", e.toString());
        }
    }

    private String message(CallProblem problem, String request, int attempts) {
        StringBuilder m = new StringBuilder(describe(problem, request));
        if (attempts > 1) m.append(" (gave up after ").append(attempts).append(" tries)");
        String hint = hint(problem);
        if (!hint.isEmpty()) m.append(": ").append(hint);
        return hide(m.toString());
    }

    private String describe(CallProblem problem, String request) {
        switch (problem.kind()) {
            case HTTP: {
                String detail = problem.detail() == null ? "" : problem.detail().strip();
                boolean saysMore = !detail.isEmpty() && !detail.equals(problem.statusLine().substring(4))
                        && !detail.equals(problem.statusLine());
                return "GitLab answered " + problem.statusLine() + " to " + request
                        + (saysMore ? " (\"" + shorten(detail) + "\")" : "");
            }
            case TIMEOUT:
                return "GitLab did not answer " + request + " within " + timeout.toSeconds() + " s";
            case UNREACHABLE:
                return "cannot reach GitLab for " + request + " (" + problem.detail() + ")";
            case MALFORMED:
                return "GitLab answered " + request + " with malformed JSON (" + shorten(problem.detail()) + ")";
            default:
                return "GitLab call " + request + " failed: " + shorten(problem.detail());
        }
    }

    private String hint(CallProblem problem) {
        switch (problem.kind()) {
            case HTTP:
                int s = problem.status();
                if (s == 401) return "check the token in " + tokenSource;
                if (s == 403) return "the token in " + tokenSource
                        + " lacks a scope (read_api to read, api to write) or access to the project";
                if (s == 404) return "check the project path and the ref, and that the token in " + tokenSource
                        + " can see the project";
                if (s == 429) return "GitLab is rate-limiting the bot; try again in a minute";
                if (s >= 500) return "GitLab is failing or unavailable; try again later";
                return "GitLab refused the request";
            case TIMEOUT:
                return "GitLab is slow or unreachable; try again later or raise world.gitlab.timeout-seconds";
            case UNREACHABLE:
                return "check world.gitlab.url and the network";
            case MALFORMED:
                return "is world.gitlab.url the GitLab instance (not a proxy or login page)?";
            default:
                return "";
        }
    }

    private static String shorten(String text) {
        if (text == null) return "";
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }

    /** The cause as thrown, unless a message in its chain repeats the token: then a copy that hides it. */
    private Throwable safe(Throwable cause) {
        for (Throwable t = cause; t != null && !token.isEmpty(); t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(token)) {
                IllegalStateException copy = new IllegalStateException(hide(cause.toString()));
                copy.setStackTrace(cause.getStackTrace());
                return copy;
            }
        }
        return cause;
    }

    /** Removes the token from any text that may reach a log line or a user. */
    String hide(String text) {
        if (text == null || token.length() < 4) return text;
        return text.replace(token, HIDDEN);
    }
}
