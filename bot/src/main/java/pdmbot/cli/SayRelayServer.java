package pdmbot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code say} from other processes on this data folder, in the process that holds the store, so that
 * runs, locks and the demo world's state have one owner. Listens on loopback only; a request must carry the token
 * of the endpoint file, which only the folder's owner can read.
 */
final class SayRelayServer implements AutoCloseable {

    /** Runs one command as {@code say} would, printing to {@code out}; returns say's exit code. */
    interface Answerer {
        int answer(String command, PrintStream out);
    }

    private static final Logger log = LoggerFactory.getLogger(SayRelayServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WORKERS = 4;
    /** How long a closing process lets relayed commands finish (say waits up to 15 s for a run it started). */
    private static final long FINISH_SECONDS = 20;

    private final Path dataDir;
    private final ServerSocket listener;
    private final SayRelay.Endpoint endpoint;
    private final Answerer answerer;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService heartbeat;

    private SayRelayServer(Path dataDir, ServerSocket listener, SayRelay.Endpoint endpoint, Answerer answerer) {
        this.dataDir = dataDir;
        this.listener = listener;
        this.endpoint = endpoint;
        this.answerer = answerer;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WORKERS),
                r -> daemon(r, "pdm-say-relay-" + n.incrementAndGet()));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "pdm-say-relay-heartbeat"));
    }

    /** Starts listening and writes the endpoint file; when that is impossible, logs why and returns null. */
    static SayRelayServer open(Path dataDir, Answerer answerer) {
        ServerSocket listener = null;
        try {
            listener = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
            SayRelay.Endpoint endpoint = SayRelay.Endpoint.fresh(listener.getLocalPort());
            endpoint.writeTo(dataDir);
            SayRelayServer server = new SayRelayServer(dataDir, listener, endpoint, answerer);
            daemon(server::acceptLoop, "pdm-say-relay-accept").start();
            log.info("say relay listening on {} for {}", listener.getLocalSocketAddress(), dataDir);
            return server;
        } catch (IOException e) {
            log.warn("say relay not started for {}: {} (say from another process will find the store in use)", dataDir, e.toString());
            if (listener != null) closeQuietly(listener);
            return null;
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!listener.isClosed()) log.warn("say relay: accept failed: {}", e.toString());
                continue;
            }
            try {
                workers.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                refuse(socket, "this pdm-bot process is busy answering other say commands; try again");
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(10_000);
            Frames frames = new Frames(socket.getOutputStream());
            frames.line(endpoint.greeting());
            String request = readRequest(socket);
            JsonNode json = request == null ? null : JSON.readTree(request);
            String token = json == null ? "" : json.path("token").asText("");
            if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), endpoint.token().getBytes(StandardCharsets.UTF_8))) {
                frames.line(SayRelay.REFUSED + "the say relay refused the request (wrong token): is " + SayRelay.ENDPOINT_FILE
                        + " in " + dataDir + " readable by you?");
                return;
            }
            String command = json.path("command").asText("");
            log.info("say relayed from another process: {}", command);
            ScheduledFuture<?> alive = heartbeat.scheduleAtFixedRate(() -> frames.line(SayRelay.STILL_WORKING), 5, 5, TimeUnit.SECONDS);
            int exit;
            try (PrintStream out = new PrintStream(new FramedOutput(frames), true, StandardCharsets.UTF_8)) {
                exit = answer(command, out);
                out.flush();
            } finally {
                alive.cancel(false);
            }
            frames.line(SayRelay.EXIT + exit);
        } catch (IOException e) {
            log.debug("say relay: the client went away ({})", e.toString());
        }
    }

    private int answer(String command, PrintStream out) {
        try {
            return answerer.answer(command, out);
        } catch (RuntimeException e) {
            log.error("say relay: '{}' failed", command, e);
            out.println("pdm-bot: " + Launch.userMessage(e));
            return 3;
        }
    }

    /** One line, or null when it is longer than a chat command can be. */
    private static String readRequest(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (line.length() >= SayRelay.MAX_REQUEST_CHARS) return null;
            line.append((char) c);
        }
        return line.toString();
    }

    private static void refuse(Socket socket, String why) {
        try (socket) {
            new Frames(socket.getOutputStream()).line(SayRelay.REFUSED + why);
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Stops listening, removes the endpoint file, and lets relayed commands finish (bounded) before the bot closes. */
    @Override
    public void close() {
        closeQuietly(listener);
        endpoint.removeFrom(dataDir);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(FINISH_SECONDS, TimeUnit.SECONDS)) workers.shutdownNow();
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        heartbeat.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Writes whole protocol lines; the heartbeat and the reply share it. A client gone away is noticed once. */
    private static final class Frames {
        private final OutputStream out;
        private volatile boolean broken;

        Frames(OutputStream out) {
            this.out = out;
        }

        synchronized void line(String text) {
            if (broken) return;
            try {
                out.write((text.replace("\r", "") + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                broken = true; // the client went away; the command goes on, its reply is dropped
            }
        }
    }

    /** An output stream that sends each line it is given as an output frame. */
    private static final class FramedOutput extends OutputStream {
        private final Frames frames;
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

        FramedOutput(Frames frames) {
            this.frames = frames;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                frames.line(SayRelay.OUTPUT + pending.toString(StandardCharsets.UTF_8));
                pending.reset();
            } else {
                pending.write(b);
            }
        }

        @Override
        public synchronized void close() {
            if (pending.size() > 0) write('\n');
        }
    }
}
