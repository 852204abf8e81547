package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.synth.Frames;
import dev.ucaudit.synth.Host;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flows, conversations and scans carry typed addresses and protocols, but the reports list them in
 * the order of their text, as they always have: 10.0.0.10 before 10.0.0.2, gre before icmp,
 * 10000/udp before 2000/udp. Orders by bytes or numbers would differ in every case below.
 */
class ReportOrderTest {
    private static final Host TEN = Host.of("ten", "10.0.0.10", 0x0a, -1);
    private static final Host TWO = Host.of("two", "10.0.0.2", 0x02, -1);
    private static final Host NINE = Host.of("nine", "10.0.0.9", 0x09, -1);

    @TempDir
    Path dir;

    @Test
    void reportsListAddressesProtocolsAndServicesInTextOrder() throws Exception {
        Path pcap = dir.resolve("order.pcap");
        long t = 1_793_610_000L * 1_000_000_000L;
        try (PcapWriter w = PcapWriter.create(pcap, 1, false)) {
            // same first-seen time: rows are then ordered by initiator, responder and protocol as text
            w.writePacket(t, ip(TWO, NINE, 1, Frames.icmpEcho(8, 1, 1)));
            w.writePacket(t, ip(TWO, NINE, 47, new byte[] {0, 0, 0x08, 0}));
            w.writePacket(t, udp(TWO, NINE, 40000, 2000));
            w.writePacket(t, udp(TEN, NINE, 40000, 2000));
            w.writePacket(t + 2_000_000_000L, udp(TEN, NINE, 40001, 10000));
            // two scanners with as many probes each: scans are then ordered by initiator as text
            for (int port = 1; port <= 500; port++) {
                w.writePacket(t + 1_000_000L * port, syn(TWO, TEN, 50000, port));
                w.writePacket(t + 1_000_000L * port + 1, syn(TEN, TWO, 50000, port));
            }
        }
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--decapsulate", "none", "--out", out.toString(), pcap.toString());
        assertEquals(1, r.status, r.toString());

        List<String> rows = new ArrayList<>();
        List<CSVRecord> flows = csv(out.resolve("flows.csv"));
        for (CSVRecord f : flows) {
            if (f.get("first_seen").equals(flows.get(0).get("first_seen"))) {
                rows.add(f.get("initiator") + " " + f.get("responder") + " " + f.get("protocol") + " " + f.get("responder_port"));
            }
        }
        assertEquals(List.of("10.0.0.10 10.0.0.9 udp 2000", "10.0.0.2 10.0.0.9 gre ", "10.0.0.2 10.0.0.9 icmp ",
                "10.0.0.2 10.0.0.9 udp 2000"), rows, r.toString());

        CSVRecord tenNine = csv(out.resolve("conversations.csv")).stream()
                .filter(c -> c.get("host_a").equals("10.0.0.10") && c.get("host_b").equals("10.0.0.9")).findFirst().orElseThrow();
        assertEquals("10000/udp 2000/udp", tenNine.get("services"));

        List<String> scanners = new ArrayList<>();
        for (JsonNode s : new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("scans").get("listed")) {
            scanners.add(s.get("initiator").asText() + " " + s.get("flows").asLong());
        }
        assertEquals(List.of("10.0.0.10 500", "10.0.0.2 500"), scanners);
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static byte[] ip(Host from, Host to, int protocol, byte[] payload) {
        return Frames.ethernet(to.mac(), from.mac(), -1, Frames.ETH_IPV4, Frames.ipv4(from.address(), to.address(), protocol, 1, 0x4000, payload));
    }

    private static byte[] udp(Host from, Host to, int sport, int dport) {
        return ip(from, to, 17, Frames.udp(sport, dport, new byte[8]));
    }

    private static byte[] syn(Host from, Host to, int sport, int dport) {
        return ip(from, to, 6, Frames.tcp(sport, dport, 1, 0, 0x02, new byte[0]));
    }
}
