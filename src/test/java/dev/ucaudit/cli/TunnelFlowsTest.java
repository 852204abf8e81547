package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.synth.Frames;
import dev.ucaudit.synth.Host;
import dev.ucaudit.synth.Messages;
import dev.ucaudit.synth.Tunnels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 §1: a GRE tunnel between a gateway and CUCM is documented by T7-01 and counts as use of
 * that opening; its inner flows are audited and name the tunnel; a tunnel from a host the inventory
 * marks {@code monitor} is capture transport, not a flow.
 */
class TunnelFlowsTest {
    @TempDir
    Path dir;

    private static final Host GATEWAY = Host.of("gw", "10.30.0.1", 1, -1);
    private static final Host CUCM = Host.of("cucm", "10.10.1.11", 2, -1);
    private static final Host PHONE = Host.of("phone", "10.20.0.31", 3, -1);
    private static final Host SWITCH = Host.of("switch", "10.99.0.2", 4, -1);
    private static final Host SENSOR = Host.of("sensor", "10.99.0.3", 5, -1);

    private static byte[] frame(Host from, Host to, int protocol, byte[] payload) {
        return Frames.ethernet(to.mac(), from.mac(), -1, Frames.ETH_IPV4, Frames.ipv4(from.address(), to.address(), protocol, 1,
                0x4000, payload));
    }

    private static byte[] sip(Host from, Host to, int port) {
        return Frames.ipv4(from.address(), to.address(), 17, 2, 0x4000, Frames.udp(port, 5060,
                Messages.sipRequest("OPTIONS", "sip:x@10.10.1.11", "sip:a@b", "sip:x@10.10.1.11", "t-" + port, 1,
                        "10.20.0.31:" + port, null)));
    }

    @Test
    void greBetweenGatewayAndCucmIsAFlowThatUsesItsOpening() throws Exception {
        Path inv = dir.resolve("inventory.csv");
        Files.writeString(inv, """
                address,role,name
                10.30.0.1,gateway,gw
                10.10.1.11,cucm-subscriber,sub
                10.20.0.0/24,phone,phones
                10.99.0.2,monitor,access switch (VXLAN to the sensor)
                """);
        Path pcap = dir.resolve("gre.pcap");
        try (PcapWriter w = PcapWriter.create(pcap, 1, false)) {
            long t = 1_700_000_000_000_000_000L;
            for (int i = 0; i < 3; i++) { // SIP from a phone behind the gateway, carried over GRE to CUCM
                w.writePacket(t += 1_000_000, frame(GATEWAY, CUCM, Tunnels.GRE, Tunnels.gre(Frames.ETH_IPV4, false, false,
                        sip(PHONE, CUCM, 5070))));
            }
            // a switch mirroring to the sensor over VXLAN: monitoring transport
            byte[] mirrored = Frames.ethernet(CUCM.mac(), PHONE.mac(), -1, Frames.ETH_IPV4, sip(PHONE, CUCM, 5080));
            w.writePacket(t += 1_000_000, frame(SWITCH, SENSOR, 17, Frames.udp(50000, 4789, Tunnels.vxlan(mirrored, 7))));
        }
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--inventory", inv.toString(), "--out", out.toString(), pcap.toString());
        List<CSVRecord> flows = PublicCapturesAuditTest.flows(out);
        CSVRecord gre = flows.stream().filter(f -> f.get("protocol").equals("gre")).findFirst()
                .orElseThrow(() -> new AssertionError("no gre flow: " + flows));
        assertEquals("documented", gre.get("verdict"), gre.toString());
        assertEquals("T7-01", gre.get("rule"));
        assertEquals("10.30.0.1", gre.get("initiator"));
        assertEquals("3", gre.get("packets"));
        assertTrue(gre.get("reason").contains("the outer conversation of the tunnel gre 10.10.1.11 <> 10.30.0.1"), gre.get("reason"));
        CSVRecord inner = flows.stream().filter(f -> f.get("initiator_port").equals("5070")).findFirst().orElseThrow();
        assertEquals("gre 10.10.1.11 <> 10.30.0.1", inner.get("tunnel"), inner.toString());
        assertEquals("documented", inner.get("verdict"), "the inner SIP is audited as any flow: " + inner);
        CSVRecord mirroredSip = flows.stream().filter(f -> f.get("initiator_port").equals("5080")).findFirst().orElseThrow();
        assertEquals("vxlan 10.99.0.2 <> 10.99.0.3", mirroredSip.get("tunnel"));
        assertFalse(flows.stream().anyMatch(f -> f.get("responder_port").equals("4789")),
                "the monitor's VXLAN is capture transport, not a flow: " + flows);
        assertEquals(3, flows.size(), flows.toString());

        String unused = Files.readString(out.resolve("unused.csv"));
        assertFalse(unused.lines().anyMatch(l -> l.startsWith("T7-01,") && l.contains("10.10.1.11")),
                "the GRE flow used T7-01 at that CUCM node: " + unused);
        JsonNode tunnels = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).at("/tunnels/listed");
        assertEquals(2, tunnels.size(), tunnels.toString());
        for (JsonNode t : tunnels) {
            assertEquals(t.get("type").asText().equals("gre") ? "flow" : "capture transport", t.get("outer_conversation").asText(),
                    t.toString());
        }
        assertEquals(0, r.status, r.toString());
    }
}
