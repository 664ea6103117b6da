package pdmbot.adapters.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Slack's request signature (v0 HMAC-SHA256 of {@code v0:timestamp:body}). Replaces Bolt's
 * {@code SlackSignature.Verifier}, which accepts any timestamp in the future, compares with
 * {@code String.equals} and logs the body and signature at debug level. This one refuses timestamps
 * more than {@link #TOLERANCE} away in either direction, compares in constant time, and refuses a
 * signature it has already accepted (a replay) while that signature could still pass the window.
 */
public final class SlackSignatureCheck {

    /** Slack's documented window for the request timestamp. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    public static final String TIMESTAMP_HEADER = "x-slack-request-timestamp";
    public static final String SIGNATURE_HEADER = "x-slack-signature";

    /** Why a request was let through or not; never carries the secret or the signature. */
    public enum Verdict { VALID, MISSING, MALFORMED_TIMESTAMP, TOO_OLD, IN_THE_FUTURE, BAD_SIGNATURE, REPLAYED }

    private final byte[] secret;
    private final Clock clock;
    /** Accepted signatures and when they can be forgotten (their timestamp has left the window). */
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    public SlackSignatureCheck(String signingSecret, Clock clock) {
        if (signingSecret == null || signingSecret.isBlank())
            throw new IllegalArgumentException("a Slack signing secret is needed");
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    public Verdict check(String timestamp, String signature, String body) {
        return check(timestamp, signature, (body == null ? "" : body).getBytes(StandardCharsets.UTF_8));
    }

    /** Checks the signature over the body's raw bytes, as Slack signs them (they need not be valid UTF-8). */
    public Verdict check(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) return Verdict.MISSING;
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED_TIMESTAMP;
        }
        long now = clock.millis() / 1000;
        if (now - seconds > TOLERANCE.toSeconds()) return Verdict.TOO_OLD;
        if (seconds - now > TOLERANCE.toSeconds()) return Verdict.IN_THE_FUTURE;
        byte[] expected = sign(timestamp.trim(), body == null ? new byte[0] : body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.trim().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) return Verdict.BAD_SIGNATURE;
        forgetExpired(now);
        Long previous = seen.putIfAbsent(signature.trim(), seconds + TOLERANCE.toSeconds());
        return previous == null ? Verdict.VALID : Verdict.REPLAYED;
    }

    /** The {@code v0=} signature Slack would send for this timestamp and body (tests and the benchmark sign with it). */
    public String sign(String timestamp, String body) {
        return sign(timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code v0=} signature over {@code v0:timestamp:} followed by the body's raw bytes. */
    public String sign(String timestamp, byte[] body) {
        return "v0=" + hmac(secret, ("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII), body);
    }

    static String hmac(byte[] key, byte[] head, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(head);
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }

    private void forgetExpired(long now) {
        if (seen.size() < 1024) return;
        for (Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator(); it.hasNext(); )
            if (it.next().getValue() < now) it.remove();
    }
}
