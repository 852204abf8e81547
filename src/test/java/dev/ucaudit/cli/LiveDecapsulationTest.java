package dev.ucaudit.cli;

import dev.ucaudit.testing.LiveCapture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.synth.Frames;
import dev.ucaudit.synth.Messages;
import dev.ucaudit.synth.Tunnels;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ucaudit live} on lo opens VXLAN (a UDP tunnel an ordinary socket can send): a SIP REGISTER
 * between inner hosts, carried from 127.84.14.2 to 127.84.14.3:4789, is audited as the inner SIP flow
 * and the tunnel is listed once; with {@code --decapsulate none} it is one 4789/udp flow.
 */
@LiveCapture
class LiveDecapsulationTest {
    private static final int VXLAN_PORT = 4789;
    /** Addresses of this test alone: other tests (in other checkouts too) send on lo at the same time. */
    private static final String VTEP_A = "127.84.14.2";
    private static final String VTEP_B = "127.84.14.3";
    private static final String FILTER = "net 127.84.14.0/24";

    @BeforeAll
    static void needsCapture() {
        LoopbackTraffic.assumeCaptureOnLoopback();
    }

    private static void sendRegisterInVxlan() throws Exception {
        byte[] phone = {10, 20, 0, 31};
        byte[] cucm = {10, 10, 1, 11};
        byte[] register = Messages.sipRequest("REGISTER", "sip:10.10.1.11", "sip:1001@10.10.1.11", "sip:1001@10.10.1.11",
                "live-vxlan", 1, "10.20.0.31:5060", null);
        byte[] inner = Frames.ethernet(new byte[] {2, 0, 0, 0, 0, 2}, new byte[] {2, 0, 0, 0, 0, 1}, -1, Frames.ETH_IPV4,
                Frames.ipv4(phone, cucm, 17, 1, 0x4000, Frames.udp(5060, 5060, register)));
        byte[] vxlan = Tunnels.vxlan(inner, 5001);
        // the receiving end is bound, so lo answers with no ICMP port unreachable
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(VTEP_B, VXLAN_PORT));
             DatagramSocket vtep = new DatagramSocket(new InetSocketAddress(VTEP_A, 0))) {
            receiver.setSoTimeout(5000);
            for (int i = 0; i < 2; i++) {
                vtep.send(new DatagramPacket(vxlan, vxlan.length, InetAddress.getByName(VTEP_B), VXLAN_PORT));
                receiver.receive(new DatagramPacket(new byte[2048], 2048));
            }
        }
    }

    /** The run's summary.json and its flows.csv rows. */
    private record Run(JsonNode summary, List<String> flows) {
        /** The one row holding {@code text}. */
        String flow(String text) {
            List<String> found = flows.stream().filter(f -> f.contains(text)).toList();
            assertEquals(1, found.size(), text + " in " + String.join("\n", flows));
            return found.get(0);
        }
    }

    private Run live(Path out, String decapsulate) throws Exception {
        CompletableFuture<Integer> run = LoopbackTraffic.startLive("live", "--interface", "lo",
                "--duration", "6s", "--filter", FILTER, "--fail-on", "none", "--decapsulate", decapsulate,
                "--out", out.toString());
        sendRegisterInVxlan();
        assertEquals(0, run.get(60, TimeUnit.SECONDS));
        List<String> flows = Files.readAllLines(out.resolve("flows.csv"));
        return new Run(new ObjectMapper().readTree(out.resolve("summary.json").toFile()), flows.subList(1, flows.size()));
    }

    @Test
    void liveOpensVxlanAndListsTheTunnelOnce(@TempDir Path tmp) throws Exception {
        Run r = live(tmp.resolve("auto"), "auto");
        // the inner SIP flow, naming its tunnel, and the tunnel's own outer conversation (issue 20 §1)
        assertEquals(2, r.flows().size(), String.join("\n", r.flows()));
        assertTrue(r.flow("10.20.0.31,5060,10.10.1.11,5060,udp,2,").endsWith(",vxlan " + VTEP_A + " <> " + VTEP_B)
                || r.flow("10.20.0.31,5060,10.10.1.11,5060,udp,2,").contains("vxlan "), r.flows().toString());
        assertTrue(r.flow(",4789,udp,2,").contains("the outer conversation of the tunnel vxlan"), r.flows().toString());
        JsonNode tunnel = r.summary().at("/tunnels/listed/0");
        assertEquals("vxlan", tunnel.get("type").asText(), r.summary().get("tunnels").toString());
        assertEquals(VTEP_A, tunnel.get("endpoint_a").asText());
        assertEquals(VTEP_B, tunnel.get("endpoint_b").asText());
        assertEquals(2, tunnel.get("packets").asLong());
    }

    @Test
    void liveWithDecapsulateNoneSeesOneUdpFlow(@TempDir Path tmp) throws Exception {
        Run r = live(tmp.resolve("none"), "none");
        assertEquals(1, r.flows().size(), String.join("\n", r.flows()));
        assertTrue(r.flow("," + VXLAN_PORT + ",udp,2,").contains("," + VXLAN_PORT + ",udp,2,"), r.flows().toString());
        assertEquals(0, r.summary().at("/tunnels/listed").size());
    }
}
