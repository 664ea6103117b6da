package pdmbot.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request body without blocking a thread (Jetty calls back when bytes arrive), up to
 * {@link HttpLimits#maxBodyBytes()} (413 past it) and within {@link HttpLimits#bodyTimeout()} (408 after it).
 * Exactly one of: the body handed on, a 413, a 408, or the failure passed to the callback.
 */
final class BodyReader implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(BodyReader.class);

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final HttpLimits limits;
    private final Consumer<byte[]> whenRead;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Scheduler.Task deadline;

    BodyReader(Request request, Response response, Callback callback, HttpLimits limits, Consumer<byte[]> whenRead) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.limits = limits;
        this.whenRead = whenRead;
    }

    void start() {
        deadline = request.getComponents().getScheduler().schedule(this::tooSlow, limits.bodyTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        run();
    }

    @Override
    public void run() {
        while (!finished.get()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                if (finish()) callback.failed(chunk.getFailure());
                return;
            }
            ByteBuffer bytes = chunk.getByteBuffer();
            if (body.size() + bytes.remaining() > limits.maxBodyBytes()) {
                chunk.release();
                if (finish()) HttpServer.send(response, callback, HttpServer.tooLarge(limits), true);
                return;
            }
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            body.write(copy, 0, copy.length);
            boolean last = chunk.isLast();
            chunk.release();
            if (last) {
                if (finish()) whenRead.accept(body.toByteArray());
                return;
            }
        }
    }

    private void tooSlow() {
        if (!finished.compareAndSet(false, true)) return;
        log.info("{} {} from {}: body not complete within {} ms; answered 408", request.getMethod(),
                request.getHttpURI().getPath(), Request.getRemoteAddr(request), limits.bodyTimeout().toMillis());
        HttpServer.send(response, callback, Endpoint.Answer.text(408, "request body not received in time"), true);
    }

    private boolean finish() {
        if (!finished.compareAndSet(false, true)) return false;
        Scheduler.Task task = deadline;
        if (task != null) task.cancel();
        return true;
    }
}
