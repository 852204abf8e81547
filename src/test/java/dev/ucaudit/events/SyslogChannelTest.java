package dev.ucaudit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * --syslog over TCP to a real collector on loopback that is down at first and comes up later: the event sent
 * meanwhile is counted as lost and said once, the collector's return is said with the count, and the next
 * event reaches it octet-counted.
 */
class SyslogChannelTest {
    private static final String EVENT = "{\"time\":\"2026-12-05T10:00:00Z\",\"event\":\"scan\"}";

    @Test
    void aCollectorThatComesBackGetsTheNextEventAndTheLossIsSaid() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<String> notices = new CopyOnWriteArrayList<>();
        SyslogChannel channel = SyslogChannel.open("tcp://127.0.0.1:" + port, notices::add);
        try {
            channel.send("scan", 0, EVENT);
            long until = System.nanoTime() + 10_000_000_000L;
            while (channel.lost() == 0 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertEquals(1, channel.lost());
            assertEquals(1, notices.size(), notices.toString());
            assertTrue(notices.get(0).startsWith("ucaudit: --syslog tcp://127.0.0.1:" + port + ": cannot send to the collector ("),
                    notices.toString());
            try (ServerSocket collector = new ServerSocket()) {
                collector.setReuseAddress(true);
                collector.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                collector.setSoTimeout(15_000);
                Thread.sleep(5_200); // the channel tries again 5 s after the failure
                channel.send("scan", 0, EVENT);
                try (Socket in = collector.accept()) {
                    DataInputStream data = new DataInputStream(in.getInputStream());
                    StringBuilder length = new StringBuilder();
                    for (int c = data.read(); c != ' '; c = data.read()) {
                        length.append((char) c);
                    }
                    byte[] message = new byte[Integer.parseInt(length.toString())];
                    data.readFully(message);
                    String text = new String(message, StandardCharsets.UTF_8);
                    assertTrue(text.startsWith("<28>1 ") && text.endsWith(" scan - " + EVENT), text);
                }
            }
            long said = System.nanoTime() + 5_000_000_000L;
            while (notices.size() < 2 && System.nanoTime() < said) {
                Thread.sleep(20); // said by the sender right after it wrote the message
            }
            assertEquals(1, channel.lost(), "only the event sent while it was down");
            assertTrue(notices.get(notices.size() - 1).endsWith(": the collector answers again; 1 event was lost meanwhile"), notices.toString());
        } finally {
            channel.close();
        }
    }

    @Test
    void aUrlThatIsNotUdpOrTcpIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyslogChannel.open("http://127.0.0.1:514", s -> { }));
        assertEquals("--syslog 'http://127.0.0.1:514': give udp://HOST:PORT or tcp://HOST:PORT", e.getMessage());
    }
}
