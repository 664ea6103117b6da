package pdmbot.adapters.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * The Slack Web API client the bot posts with: the SDK's own OkHttp client with TCP_NODELAY on its sockets. OkHttp
 * writes a request's head and form body as two segments; with Nagle on, the body waits for the server's delayed ACK
 * of the head (~40 ms on Linux), and every reply holds a delivery thread that long (found by {@code bench chat}).
 */
public final class SlackClients {

    private SlackClients() {
    }

    /** A Slack instance over {@code config} whose HTTP client never waits on Nagle. */
    public static Slack withoutNagle(SlackConfig config) {
        SlackHttpClient http = new SlackHttpClient(SlackHttpClient.buildOkHttpClient(config).newBuilder()
                .socketFactory(new NoDelay(SocketFactory.getDefault())).build());
        http.setConfig(config);
        return Slack.getInstance(config, http);
    }

    /** Creates sockets as {@code plain} does, with TCP_NODELAY set. */
    static final class NoDelay extends SocketFactory {
        private final SocketFactory plain;

        NoDelay(SocketFactory plain) {
            this.plain = plain;
        }

        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(plain.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(plain.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return noDelay(plain.createSocket(address, port, localAddress, localPort));
        }
    }
}
