package pdmbot.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;

/** The Slack client's sockets skip Nagle, so a request's head and body leave together (issue 17, bench chat). */
class SlackClientsTest {

    @Test
    void every_socket_the_slack_client_opens_has_tcp_nodelay() throws Exception {
        SocketFactory factory = new SlackClients.NoDelay(SocketFactory.getDefault());
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket unconnected = factory.createSocket();
             Socket connected = factory.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            assertThat(unconnected.getTcpNoDelay()).isTrue();
            assertThat(connected.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void the_slack_instance_posts_through_the_no_delay_factory() {
        com.slack.api.Slack slack = SlackClients.withoutNagle(new com.slack.api.SlackConfig());

        assertThat(slack.getHttpClient().getOkHttpClient().socketFactory()).isInstanceOf(SlackClients.NoDelay.class);
    }
}
