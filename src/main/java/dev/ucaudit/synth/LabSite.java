package dev.ucaudit.synth;

import dev.ucaudit.capture.PcapWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The bundled sample: a small CUCM site, generated so it can be regenerated. Phones register over
 * SCCP and SIP, a SIP call and an SCCP call carry RTP, a phone downloads its configuration over
 * TFTP, CUCM queries LDAP, NTP and DNS, an administrator uses HTTPS, a gateway speaks MGCP and
 * H.225, and a few flows break the catalog (SSH from an unknown host, MySQL from a phone, an
 * admin on the SCCP port, telnet to the gateway).
 */
public final class LabSite {
    public static final Host PUB = Host.of("cucm-pub", "10.10.1.10", 0x0a01, -1);
    public static final Host SUB = Host.of("cucm-sub", "10.10.1.11", 0x0a02, -1);
    public static final Host SUB6 = Host.of("cucm-sub-v6", "2001:db8:10::11", 0x0a02, -1);
    public static final Host PHONE_SCCP = Host.of("SEP00AA00000021", "10.20.0.21", 0x1421, 100);
    public static final Host PHONE_SIP = Host.of("SEP00AA00000022", "10.20.0.22", 0x1422, 100);
    public static final Host PHONE_SIP2 = Host.of("SEP00AA00000023", "10.20.0.23", 0x1423, 100);
    public static final Host PHONE6 = Host.of("SEP00AA00000024-v6", "2001:db8:20::24", 0x1424, 100);
    public static final Host GATEWAY = Host.of("gw-isr4331", "10.30.0.1", 0x1e01, -1);
    public static final Host LDAP = Host.of("ad-dc1", "10.40.0.5", 0x2805, -1);
    public static final Host NTP = Host.of("ntp1", "10.40.0.6", 0x2806, -1);
    public static final Host DNS = Host.of("dns1", "10.40.0.7", 0x2807, -1);
    public static final Host ADMIN = Host.of("admin-ws", "10.50.0.100", 0x3264, -1);
    public static final Host STRANGER = Host.of("stranger", "10.99.0.66", 0x6342, -1);

    /** The inventory that goes with the capture. */
    public static final String INVENTORY = """
            address,role,name
            10.10.1.10,cucm-publisher,cucm-pub
            10.10.1.11,cucm-subscriber,cucm-sub (TFTP)
            2001:db8:10::11,cucm-subscriber,cucm-sub IPv6
            10.20.0.0/24,phone,voice VLAN 100
            2001:db8:20::/64,phone,voice VLAN 100 IPv6
            10.30.0.1,gateway,gw-isr4331
            10.40.0.5,ldap,ad-dc1
            10.40.0.6,ntp,ntp1
            10.40.0.7,dns,dns1
            10.50.0.0/24,admin,admin workstations
            """;

    private LabSite() {
    }

    public static void write(Path pcap, Path inventory) throws IOException {
        long start = Instant.parse("2026-11-02T09:00:00Z").toEpochMilli() * 1_000_000L;
        try (Wire w = new Wire(PcapWriter.create(pcap, 1, false), start)) {
            scenario(w);
        }
        Files.writeString(inventory, INVENTORY, StandardCharsets.UTF_8);
    }

    static void scenario(Wire w) {
        // Phone boots: DHCP is not in scope; it asks TFTP for its configuration.
        tftp(w, PHONE_SCCP, 49152, SUB, 45001, "SEP00AA00000021.cnf.xml", 3);
        w.advanceMillis(20);
        // SCCP phone registers with the subscriber.
        TcpSession sccp = new TcpSession(w, PHONE_SCCP, 51000, SUB, 2000, 1000).open();
        sccp.fromClient(Messages.sccpRegister("SEP00AA00000021", PHONE_SCCP.address()));
        sccp.fromServer(Messages.sccp(0x0081, new byte[16])); // RegisterAck
        sccp.fromClient(Messages.sccpKeepAlive());
        w.advanceMillis(10);
        // SIP phones register over UDP 5060.
        sipRegister(w, PHONE_SIP, "10.20.0.22", "reg-22@10.20.0.22");
        sipRegister(w, PHONE_SIP2, "10.20.0.23", "reg-23@10.20.0.23");
        // A SIP phone's configuration over HTTP (6970) and over HTTPS on IPv6 (6971).
        new TcpSession(w, PHONE_SIP, 52010, SUB, 6970, 2000).open()
                .fromClient("GET /SEP00AA00000022.cnf.xml HTTP/1.1\r\nHost: 10.10.1.11:6970\r\n\r\n")
                .fromServer("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n<x/>\n").close();
        new TcpSession(w, PHONE6, 52011, SUB6, 6971, 2100).open().fromClient(Messages.tlsHello(true, 120)).fromServer(Messages.tlsHello(false, 900)).close();
        // CUCM's own services: LDAP sync, NTP, DNS.
        new TcpSession(w, PUB, 40100, LDAP, 389, 3000).open().fromClient(Messages.ldap(true, 64)).fromServer(Messages.ldap(false, 300)).close();
        w.udp(PUB, 123, NTP, 123, Messages.ntp(true));
        w.udp(NTP, 123, PUB, 123, Messages.ntp(false));
        w.udp(PUB, 41000, DNS, 53, Messages.dns(true, 40));
        w.udp(DNS, 53, PUB, 41000, Messages.dns(false, 72));
        // An administrator opens CCMAdmin over HTTPS.
        new TcpSession(w, ADMIN, 53000, PUB, 443, 4000).open().fromClient(Messages.tlsHello(true, 517)).fromServer(Messages.tlsHello(false, 1400)).close();
        // ICMP echo from a phone to CUCM.
        w.send(PHONE_SIP, SUB, 1, Frames.icmpEcho(8, 7, 1));
        w.send(SUB, PHONE_SIP, 1, Frames.icmpEcho(0, 7, 1));
        // Gateway: MGCP restart, then H.225 to CUCM.
        mgcp(w);
        h323Call(w);
        // A SIP call between the two SIP phones, media on ports outside the RTP range (negotiated in SDP).
        sipCall(w);
        // An SCCP call: CUCM tells the SCCP phone where to send, the phone says where it receives.
        sccpCall(w, sccp);
        sccp.close();
        // Flows the catalog does not document.
        new TcpSession(w, STRANGER, 60022, PUB, 22, 6000).open().fromClient("SSH-2.0-OpenSSH_9.2\r\n").close();
        new TcpSession(w, PHONE_SCCP, 51500, PUB, 3306, 6100).open().close();
        new TcpSession(w, ADMIN, 53100, SUB, 2000, 6200).open().fromClient(Messages.sccpKeepAlive()).close();
        new TcpSession(w, ADMIN, 53200, GATEWAY, 23, 6300).open().fromClient("\r\n").close();
    }

    private static void tftp(Wire w, Host client, int clientPort, Host server, int serverDataPort, String file, int blocks) {
        w.udp(client, clientPort, server, 69, Messages.tftpReadRequest(file));
        for (int block = 1; block <= blocks; block++) {
            w.udp(server, serverDataPort, client, clientPort, Messages.tftpData(block, block < blocks ? 512 : 100));
            w.udp(client, clientPort, server, serverDataPort, Messages.tftpAck(block));
        }
    }

    private static void sipRegister(Wire w, Host phone, String ip, String callId) {
        String via = ip + ":5060";
        String aor = "sip:" + ip.substring(ip.lastIndexOf('.') + 1) + "@10.10.1.11";
        w.udp(phone, 5060, SUB, 5060, Messages.sipRequest("REGISTER", "sip:10.10.1.11", aor, aor, callId, 1, via, null));
        w.udp(SUB, 5060, phone, 5060, Messages.sipResponse(200, "OK", aor, aor, callId, 1, "REGISTER", via, null));
    }

    private static void sipCall(Wire w) {
        String callId = "call-7f3a@10.20.0.22";
        String a = "sip:22@10.10.1.11";
        String b = "sip:23@10.10.1.11";
        String offer = Messages.sdp("10.20.0.22", 40002, 1001);
        String answer = Messages.sdp("10.20.0.23", 40004, 1002);
        w.udp(PHONE_SIP, 5060, SUB, 5060, Messages.sipRequest("INVITE", b, a, b, callId, 1, "10.20.0.22:5060", offer));
        w.udp(SUB, 5060, PHONE_SIP, 5060, Messages.sipResponse(100, "Trying", a, b, callId, 1, "INVITE", "10.20.0.22:5060", null));
        w.udp(SUB, 5060, PHONE_SIP2, 5060, Messages.sipRequest("INVITE", b, a, b, callId, 1, "10.10.1.11:5060", offer));
        w.udp(PHONE_SIP2, 5060, SUB, 5060, Messages.sipResponse(200, "OK", a, b, callId, 1, "INVITE", "10.10.1.11:5060", answer));
        w.udp(SUB, 5060, PHONE_SIP, 5060, Messages.sipResponse(200, "OK", a, b, callId, 1, "INVITE", "10.20.0.22:5060", answer));
        w.udp(PHONE_SIP, 5060, SUB, 5060, Messages.sipRequest("ACK", b, a, b, callId, 1, "10.20.0.22:5060", null));
        for (int i = 0; i < 25; i++) {
            w.udp(PHONE_SIP, 40002, PHONE_SIP2, 40004, Messages.rtp(100 + i, 160L * i, 0x2222, 160));
            w.udp(PHONE_SIP2, 40004, PHONE_SIP, 40002, Messages.rtp(500 + i, 160L * i, 0x2323, 160));
            w.advanceMillis(20);
        }
        w.udp(PHONE_SIP, 40003, PHONE_SIP2, 40005, Messages.rtcpSenderReport(0x2222));
        w.udp(PHONE_SIP, 5060, SUB, 5060, Messages.sipRequest("BYE", b, a, b, callId, 2, "10.20.0.22:5060", null));
        w.udp(SUB, 5060, PHONE_SIP, 5060, Messages.sipResponse(200, "OK", a, b, callId, 2, "BYE", "10.20.0.22:5060", null));
    }

    private static void sccpCall(Wire w, TcpSession sccp) {
        sccp.fromServer(Messages.sccpOpenReceiveChannel(77, 5001));
        sccp.fromClient(Messages.sccpOpenReceiveChannelAck(PHONE_SCCP.address(), 24010, 5001));
        sccp.fromServer(Messages.sccpStartMediaTransmission(77, 5001, GATEWAY.address(), 16500));
        for (int i = 0; i < 20; i++) {
            w.udp(PHONE_SCCP, 24010, GATEWAY, 16500, Messages.rtp(1000 + i, 160L * i, 0x2121, 160));
            w.udp(GATEWAY, 16500, PHONE_SCCP, 24010, Messages.rtp(3000 + i, 160L * i, 0x3030, 160));
            w.advanceMillis(20);
        }
    }

    /**
     * An H.323 call from the gateway: H.225 Setup to CUCM's 1720, CUCM's Connect names its H.245
     * address, the gateway opens H.245 there, CUCM's OpenLogicalChannelAck gives the phone's media
     * address, and RTP flows between the gateway and the phone on ports no catalog row lists.
     */
    private static void h323Call(Wire w) {
        byte[] conference = new byte[16];
        byte[] callId = new byte[16];
        for (int i = 0; i < 16; i++) {
            conference[i] = (byte) (0xa0 + i);
            callId[i] = (byte) (0x10 + i);
        }
        TcpSession h225 = new TcpSession(w, GATEWAY, 11000, SUB, 1720, 5000).open();
        h225.fromClient(Messages.q931Setup(0x1234));
        h225.fromServer(H323Messages.connect(0x1234, SUB.address(), 34567, conference, callId));
        TcpSession h245 = new TcpSession(w, GATEWAY, 11001, SUB, 34567, 5100).open();
        h245.fromServer(H323Messages.openLogicalChannelAck(1, PHONE_SIP2.address(), 50100));
        for (int i = 0; i < 10; i++) {
            w.udp(GATEWAY, 17000, PHONE_SIP2, 50100, Messages.rtp(7000 + i, 160L * i, 0x4141, 160));
            w.udp(PHONE_SIP2, 50100, GATEWAY, 17000, Messages.rtp(8000 + i, 160L * i, 0x4242, 160));
            w.advanceMillis(20);
        }
        h245.close();
        h225.close();
    }

    private static void mgcp(Wire w) {
        w.udp(GATEWAY, 2427, SUB, 2427, Messages.mgcp("RSIP 9001 *@gw-isr4331 MGCP 0.1\nRM: restart\n"));
        w.udp(SUB, 2427, GATEWAY, 2427, Messages.mgcp("200 9001 OK\n"));
        w.udp(SUB, 2427, GATEWAY, 2427, Messages.mgcp("CRCX 9002 S0/SU1/DS1-0/1@gw-isr4331 MGCP 0.1\nC: A3C47F21456789F0\nL: p:20, a:PCMU\nM: recvonly\n"));
        w.udp(GATEWAY, 2427, SUB, 2427, Messages.mgcp("200 9002 OK\nI: 5C7A\n\nv=0\nc=IN IP4 10.30.0.1\nm=audio 16500 RTP/AVP 0\n"));
    }
}
