package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.synth.H323Messages;
import dev.ucaudit.synth.Host;
import dev.ucaudit.synth.Messages;
import dev.ucaudit.synth.TcpSession;
import dev.ucaudit.synth.Wire;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A documented port carries what the catalog says it carries (issue 26; the media range, issue 20
 * §4): for every protocol a catalog row expects, one generated flow on that row's port carries the
 * protocol itself and is documented by the row; two impostors on the same port, HTTP and random bytes,
 * are undocumented, "not X on an X port". An Alcatel-like UA/UDP signalling flow on 32640, in the media
 * range, is not media. summary.json counts the flows documented by their port alone.
 */
class PortContentTest {
    private static final Host CUCM = Host.of("cucm", "10.10.1.10", 1, -1);
    private static final Host SUB = Host.of("sub", "10.10.1.11", 2, -1);
    private static final Host PHONE = Host.of("phone", "10.20.0.31", 3, -1);
    private static final Host PHONE2 = Host.of("phone2", "10.20.0.32", 4, -1);
    private static final Host GATEWAY = Host.of("gw", "10.30.0.1", 5, -1);
    private static final Host GATEKEEPER = Host.of("gk", "10.30.0.2", 6, -1);
    private static final Host ADMIN = Host.of("admin", "10.50.0.7", 7, -1);
    private static final Host LDAP = Host.of("ldap", "10.40.0.5", 8, -1);
    private static final Host DNS = Host.of("dns", "10.40.0.53", 9, -1);
    private static final Host NTP = Host.of("ntp", "10.40.0.123", 10, -1);
    private static final Host SNMP = Host.of("nms", "10.40.0.161", 11, -1);

    private static final String INVENTORY = String.join("\n", "address,role,name",
            "10.10.1.10,cucm-publisher,pub", "10.10.1.11,cucm-subscriber,sub", "10.20.0.0/24,phone,phones",
            "10.30.0.1,gateway,gw", "10.30.0.2,gatekeeper,gk", "10.50.0.7,admin,admin", "10.40.0.5,ldap,ad",
            "10.40.0.53,dns,dns", "10.40.0.123,ntp,ntp", "10.40.0.161,snmp,nms", "");

    /** One expectation: the row, who opens the flow to whom on which port, and the protocol's own first payloads. */
    private record Case(String name, String rule, Host client, Host server, int port, boolean tcp, List<byte[]> fromClient,
            List<byte[]> fromServer) {
    }

    private static final List<Case> CASES = List.of(
            new Case("SIP", "T6-07", PHONE, CUCM, 5060, false, List.of(Messages.sipRequest("REGISTER", "sip:cucm", "sip:a@cucm",
                    "sip:a@cucm", "reg-1", 1, "10.20.0.31:5060", null)), List.of()),
            new Case("SCCP", "T6-03", PHONE, CUCM, 2000, true, List.of(Messages.sccpRegister("SEP001122334455",
                    PHONE.address())), List.of(Messages.sccpKeepAlive())),
            new Case("H.225", "T7-08", GATEWAY, CUCM, 1720, true, List.of(Messages.q931Setup(7)),
                    List.of(H323Messages.connect(7, CUCM.address(), 11000, new byte[16], new byte[16]))),
            new Case("H.225 RAS", "T7-07", GATEKEEPER, CUCM, 1719, false, List.of(rasRegistrationRequest()), List.of()),
            new Case("MGCP", "T7-17a", CUCM, GATEWAY, 2427, false, List.of(Messages.mgcp("AUEP 1201 aaln/1@gw MGCP 1.0\n")),
                    List.of(Messages.mgcp("200 1201 OK\n"))),
            new Case("TFTP", "T6-02", PHONE, CUCM, 69, false, List.of(Messages.tftpReadRequest("SEP001122334455.cnf.xml")),
                    List.of()),
            new Case("TLS", "T4-02", ADMIN, CUCM, 443, true, List.of(clientHello()), List.of()),
            new Case("HTTP", "T4-01", ADMIN, CUCM, 80, true, List.of(ascii("GET /ccmadmin HTTP/1.1\r\nHost: cucm\r\n\r\n")),
                    List.of(ascii("HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n"))),
            new Case("LDAP", "T3-01", CUCM, LDAP, 389, true, List.of(hex("300c020101600702010304008000")), List.of()),
            new Case("DNS", "T2-05", CUCM, DNS, 53, false, List.of(hex("123401000001000000000000046375636d076578616d706c650000010001")),
                    List.of()),
            new Case("NTP", "T2-10", CUCM, NTP, 123, false, List.of(ntpClient()), List.of()),
            new Case("SNMP", "T2-11", SNMP, CUCM, 161, false, List.of(hex("302602010104067075626c6963a019020101020100020100300e300c06082b060102010101000500")),
                    List.of()),
            new Case("syslog", "T1-01", PHONE, CUCM, 514, false, List.of(ascii("<134>Dec  5 10:00:00 phone: registered")),
                    List.of()),
            new Case("SSH", "T1-35", CUCM, SUB, 22, true, List.of(ascii("SSH-2.0-OpenSSH_8.0\r\n")),
                    List.of(ascii("SSH-2.0-OpenSSH_7.4\r\n"))),
            new Case("media", "T6-N1", PHONE, PHONE2, 20000, false, List.of(Messages.rtp(1, 160, 99, 160),
                    Messages.rtp(2, 320, 99, 160), Messages.rtp(3, 480, 99, 160)), List.of()));

    @TempDir
    static Path dir;
    private static List<CSVRecord> flows;
    private static JsonNode summary;

    @BeforeAll
    static void audit() throws IOException {
        Path pcap = dir.resolve("ports.pcap");
        Random random = new Random(26);
        try (Wire w = new Wire(PcapWriter.create(pcap, 1, false), 1_700_000_000_000_000_000L)) {
            int clientPort = 40000;
            for (Case c : CASES) {
                flow(w, c, clientPort++, c.fromClient(), c.fromServer());
                byte[] request = ascii("GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n");
                byte[] response = ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                flow(w, c, clientPort++, List.of(request), List.of(response));
                List<byte[]> noise = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    byte[] b = new byte[120];
                    random.nextBytes(b);
                    noise.add(b);
                }
                flow(w, c, clientPort++, noise, List.of());
            }
            // Alcatel-like UA/UDP signalling (opcode 7 DATA, expected and sent sequence numbers, a UA message)
            // between a phone and CUCM on 32640, inside the media range
            for (int i = 0; i < 4; i++) {
                ByteBuffer ua = ByteBuffer.allocate(24).put((byte) 7).putShort((short) i).putShort((short) (i + 1));
                ua.put(new byte[] {0x04, 0x01, 0x00, 0x12, 0x00, 0x05, 0x21, 0x22, 0x05, 0x01, 0x00, 0x00, 0x0a, 0x02, 0x01, 0x01});
                w.udp(PHONE, 32640, CUCM, 32640, ua.array());
                w.udp(CUCM, 32640, PHONE, 32640, new byte[] {5});
            }
            // a row that expects nothing (TVS, 2445/tcp): documented by its port alone
            TcpSession tvs = new TcpSession(w, PHONE, 45000, CUCM, 2445, 100).open();
            tvs.fromClient(new byte[] {1, 2, 3, 4});
            tvs.close();
        }
        Path inv = dir.resolve("inventory.csv");
        Files.writeString(inv, INVENTORY);
        Path out = dir.resolve("report");
        Cli r = Cli.run("audit", "--fail-on", "none", "--inventory", inv.toString(), "--out", out.toString(), pcap.toString());
        assertEquals(0, r.status, r.toString());
        flows = PublicCapturesAuditTest.flows(out);
        summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    private static void flow(Wire w, Case c, int clientPort, List<byte[]> fromClient, List<byte[]> fromServer) {
        if (c.tcp()) {
            TcpSession s = new TcpSession(w, c.client(), clientPort, c.server(), c.port(), clientPort * 1000L).open();
            for (int i = 0; i < Math.max(fromClient.size(), fromServer.size()); i++) {
                if (i < fromClient.size()) {
                    s.fromClient(fromClient.get(i));
                }
                if (i < fromServer.size()) {
                    s.fromServer(fromServer.get(i));
                }
            }
            s.close();
        } else {
            for (int i = 0; i < Math.max(fromClient.size(), fromServer.size()); i++) {
                if (i < fromClient.size()) {
                    w.udp(c.client(), clientPort, c.server(), c.port(), fromClient.get(i));
                }
                if (i < fromServer.size()) {
                    w.udp(c.server(), c.port(), c.client(), clientPort, fromServer.get(i));
                }
            }
        }
    }

    private static CSVRecord flowFrom(int clientPort) {
        return flows.stream().filter(f -> f.get("initiator_port").equals(Integer.toString(clientPort))).findFirst()
                .orElseThrow(() -> new AssertionError("no flow from port " + clientPort));
    }

    @Test
    void eachProtocolOnItsPortIsDocumentedAndImpostorsAreNot() {
        int clientPort = 40000;
        List<String> wrong = new ArrayList<>();
        for (Case c : CASES) {
            CSVRecord real = flowFrom(clientPort++);
            CSVRecord http = flowFrom(clientPort++);
            CSVRecord noise = flowFrom(clientPort++);
            if (!real.get("verdict").equals("documented") || !real.get("rule").equals(c.rule())) {
                wrong.add(c.name() + " itself: " + real.get("verdict") + " " + real.get("rule") + " " + real.get("reason"));
            }
            String not = "not " + c.name() + (c.rule().equals("T3-01") ? " or TLS on " : " on ");
            if (c.name().equals("HTTP")) {
                // HTTP is the protocol itself here: the first impostor is documented
                if (!http.get("verdict").equals("documented")) {
                    wrong.add("HTTP on 80: " + http.get("reason"));
                }
            } else if (!http.get("verdict").equals("undocumented") || !http.get("reason").startsWith(not)
                    || !http.get("reason").contains("carries HTTP")) {
                wrong.add(c.name() + " impostor HTTP: " + http.get("verdict") + " " + http.get("reason"));
            }
            if (!noise.get("verdict").equals("undocumented") || !noise.get("reason").startsWith(not)) {
                wrong.add(c.name() + " impostor random bytes: " + noise.get("verdict") + " " + noise.get("reason"));
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void reasonsReadWell() {
        CSVRecord sccpHttp = flowFrom(40004);
        assertEquals("not SCCP on an SCCP port: 2000/tcp is documented for SCCP (T6-03) but this flow carries HTTP, not SCCP",
                sccpHttp.get("reason"));
        CSVRecord mediaHttp = flowFrom(40000 + 3 * 14 + 1);
        assertEquals("not media on a media port: 20000/udp is documented for media (T6-N1) but this flow carries HTTP, not media",
                mediaHttp.get("reason"));
    }

    @Test
    void alcatelSignallingInTheMediaRangeIsAFinding() {
        CSVRecord ua = flows.stream().filter(f -> f.get("responder_port").equals("32640")).findFirst().orElseThrow();
        assertEquals("undocumented", ua.get("verdict"), ua.get("reason"));
        assertTrue(ua.get("reason").startsWith("not media on a media port: 32640/udp is documented for media (T6-18)"),
                ua.get("reason"));
    }

    @Test
    void summaryCountsFlowsDocumentedByPortAlone() {
        CSVRecord tvs = flows.stream().filter(f -> f.get("responder_port").equals("2445")).findFirst().orElseThrow();
        assertEquals("T6-05", tvs.get("rule"));
        JsonNode f = summary.get("flows");
        assertEquals(CASES.size() + 1, f.get("documented_content_confirmed").asLong(), f.toString()); // + HTTP on 80
        assertEquals(1, f.get("documented_by_port_alone").asLong(), f.toString());
        assertEquals(2L * CASES.size() - 1 + 1, f.get("not_the_ports_protocol").asLong(), f.toString());
        assertEquals(f.get("documented").asLong(), f.get("documented_content_confirmed").asLong()
                + f.get("documented_by_port_alone").asLong(), "every documented flow here is decided by a port's row");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    /** A TLS 1.2 record holding the start of a ClientHello. */
    private static byte[] clientHello() {
        byte[] b = new byte[5 + 4 + 38];
        b[0] = 0x16;
        b[1] = 3;
        b[2] = 1;
        b[4] = 42;
        b[5] = 1;
        b[8] = 38;
        b[9] = 3;
        b[10] = 3;
        return b;
    }

    /** An NTP v4 client request: 48 bytes, LI 0, VN 4, mode 3. */
    private static byte[] ntpClient() {
        byte[] b = new byte[48];
        b[0] = 0x23;
        return b;
    }

    /** The start of an H.225 RAS RegistrationRequest: CHOICE 3, requestSeqNum, protocolIdentifier 0.0.8.2250.0.4. */
    private static byte[] rasRegistrationRequest() {
        return hex("0e0001060008914a00040000000000");
    }
}
