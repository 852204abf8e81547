package dev.ucaudit.synth;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Payloads of the signalling and media protocols a CUCM site speaks, as they appear on the wire. */
public final class Messages {
    private Messages() {
    }

    // ---- SCCP (Skinny): little-endian length (message id + data), header version, message id, data.

    public static byte[] sccp(int messageId, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(4 + data.length).putInt(0).putInt(messageId).put(data);
        return b.array();
    }

    /** RegisterMessage (0x0001): device name, user id, instance, station IPv4, device type, max streams. */
    public static byte[] sccpRegister(String deviceName, byte[] ipv4) {
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = deviceName.getBytes(StandardCharsets.US_ASCII);
        b.put(name, 0, Math.min(15, name.length));
        b.position(16).putInt(0).putInt(1).put(ipv4).putInt(115).putInt(5);
        return sccp(0x0001, b.array());
    }

    public static byte[] sccpKeepAlive() {
        return sccp(0x0000, new byte[0]);
    }

    /** OpenReceiveChannelAck (0x0022), basic layout: status, IPv4 address, port, pass-through party id. */
    public static byte[] sccpOpenReceiveChannelAck(byte[] ipv4, int port, int passThruPartyId) {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).put(ipv4).putInt(port).putInt(passThruPartyId);
        return sccp(0x0022, b.array());
    }

    /** StartMediaTransmission (0x008A), basic layout: conference, party, remote IPv4, port, packet size, codec. */
    public static byte[] sccpStartMediaTransmission(int conferenceId, int passThruPartyId, byte[] ipv4, int port) {
        ByteBuffer b = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(conferenceId).putInt(passThruPartyId).put(ipv4).putInt(port).putInt(20).putInt(4).putInt(0)
                .putInt(0).putInt(0);
        return sccp(0x008A, b.array());
    }

    /** OpenReceiveChannel (0x0105): CUCM asks the phone to open a receive port. */
    public static byte[] sccpOpenReceiveChannel(int conferenceId, int passThruPartyId) {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(conferenceId).putInt(passThruPartyId).putInt(20).putInt(4).putInt(0).putInt(0);
        return sccp(0x0105, b.array());
    }

    // ---- SIP

    public static String sdp(String address, int port, long sessionId) {
        String family = address.contains(":") ? "IP6" : "IP4";
        return "v=0\r\no=- " + sessionId + " 1 IN " + family + " " + address + "\r\ns=call\r\nc=IN " + family + " " + address
                + "\r\nt=0 0\r\nm=audio " + port + " RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
    }

    public static byte[] sipRequest(String method, String uri, String from, String to, String callId, int cseq,
                                    String via, String body) {
        String b = body == null ? "" : body;
        String msg = method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + via + ";branch=z9hG4bK" + Integer.toHexString(callId.hashCode() + cseq) + "\r\n"
                + "From: <" + from + ">;tag=" + Integer.toHexString(from.hashCode()) + "\r\n"
                + "To: <" + to + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Max-Forwards: 70\r\n"
                + (b.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
                + "Content-Length: " + b.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + b;
        return msg.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] sipResponse(int code, String reason, String from, String to, String callId, int cseq,
                                     String method, String via, String body) {
        String b = body == null ? "" : body;
        String msg = "SIP/2.0 " + code + " " + reason + "\r\n"
                + "Via: SIP/2.0/UDP " + via + "\r\n"
                + "From: <" + from + ">;tag=" + Integer.toHexString(from.hashCode()) + "\r\n"
                + "To: <" + to + ">;tag=" + Integer.toHexString(to.hashCode()) + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + (b.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
                + "Content-Length: " + b.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + b;
        return msg.getBytes(StandardCharsets.UTF_8);
    }

    // ---- MGCP

    public static byte[] mgcp(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    // ---- TFTP

    public static byte[] tftpReadRequest(String file) {
        byte[] name = file.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(2 + name.length + 1 + 6);
        b.putShort((short) 1).put(name).put((byte) 0).put("octet".getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
        return b.array();
    }

    /** A TFTP write request (WRQ, opcode 2): an upload to the server. */
    public static byte[] tftpWriteRequest(String file) {
        byte[] request = tftpReadRequest(file);
        request[1] = 2;
        return request;
    }

    public static byte[] tftpData(int block, int length) {
        ByteBuffer b = ByteBuffer.allocate(4 + length);
        b.putShort((short) 3).putShort((short) block);
        for (int i = 0; i < length; i++) {
            b.put((byte) ('a' + (i % 26)));
        }
        return b.array();
    }

    public static byte[] tftpAck(int block) {
        return ByteBuffer.allocate(4).putShort((short) 4).putShort((short) block).array();
    }

    // ---- RTP

    public static byte[] rtp(int sequence, long timestamp, int ssrc, int payloadBytes) {
        ByteBuffer b = ByteBuffer.allocate(12 + payloadBytes);
        b.put((byte) 0x80).put((byte) 0).putShort((short) sequence).putInt((int) timestamp).putInt(ssrc);
        for (int i = 0; i < payloadBytes; i++) {
            b.put((byte) 0xff);
        }
        return b.array();
    }

    /** RTCP sender report, minimal. */
    public static byte[] rtcpSenderReport(int ssrc) {
        ByteBuffer b = ByteBuffer.allocate(28);
        b.put((byte) 0x80).put((byte) 200).putShort((short) 6).putInt(ssrc);
        return b.array();
    }

    // ---- H.225 (TPKT + Q.931 Setup without a User-user element: the flow, not its contents)

    public static byte[] q931Setup(int callReference) {
        byte[] q931 = {0x08, 0x02, (byte) (callReference >> 8), (byte) callReference, 0x05,
            0x04, 0x03, (byte) 0x80, (byte) 0x90, (byte) 0xa3};
        ByteBuffer b = ByteBuffer.allocate(4 + q931.length);
        b.put((byte) 3).put((byte) 0).putShort((short) (4 + q931.length)).put(q931);
        return b.array();
    }

    // ---- Other protocols a catalog row expects: the first payloads only, padded to the length asked

    /** A TLS 1.2 handshake record of {@code length} bytes: a ClientHello (client) or ServerHello (server). */
    public static byte[] tlsHello(boolean client, int length) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(length, 11));
        int body = b.capacity() - 9;
        b.put((byte) 0x16).put((byte) 3).put((byte) 1).putShort((short) (b.capacity() - 5));
        b.put((byte) (client ? 1 : 2)).put((byte) (body >> 16)).putShort((short) body).put((byte) 3).put((byte) 3);
        return b.array();
    }

    /** An LDAP message (BER SEQUENCE, messageID, a bind request or bind response) of {@code length} bytes. */
    public static byte[] ldap(boolean request, int length) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(length, 12));
        int content = b.capacity() - 4;
        b.put((byte) 0x30).put((byte) 0x82).putShort((short) content);
        b.put((byte) 0x02).put((byte) 1).put((byte) 1);
        int op = content - 3 - 4;
        b.put((byte) (request ? 0x60 : 0x61)).put((byte) 0x82).putShort((short) op);
        return b.array();
    }

    /** A 48-byte NTP version 4 packet: mode 3 (client) or 4 (server, stratum 2). */
    public static byte[] ntp(boolean client) {
        byte[] b = new byte[48];
        b[0] = (byte) (client ? 0x23 : 0x24);
        b[1] = (byte) (client ? 0 : 2);
        b[2] = 6;
        b[3] = (byte) (client ? 0 : -20);
        return b;
    }

    /** A DNS query (or its response) for cucm.example.com, type A, padded with an OPT-like tail to {@code length} bytes. */
    public static byte[] dns(boolean query, int length) {
        byte[] name = {4, 'c', 'u', 'c', 'm', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0};
        ByteBuffer b = ByteBuffer.allocate(Math.max(length, 12 + name.length + 4));
        b.putShort((short) 0x1234).putShort((short) (query ? 0x0100 : 0x8180)).putShort((short) 1).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).put(name).putShort((short) 1).putShort((short) 1);
        return b.array();
    }

    /**
     * An H.225 RAS message (PER): the RasMessage CHOICE ({@code choice}: 0 GRQ, 1 GCF, 3 RRQ, 4 RCF, ...),
     * the request sequence number and the H.225 protocol identifier 0.0.8.2250.0.4, padded to 24 bytes.
     */
    public static byte[] ras(int choice, int sequence) {
        byte[] b = new byte[24];
        b[0] = (byte) (choice << 2);
        b[1] = (byte) ((sequence - 1) >> 8);
        b[2] = (byte) (sequence - 1);
        byte[] oid = {0x06, 0x00, 0x08, (byte) 0x91, 0x4a, 0x04};
        System.arraycopy(oid, 0, b, 3, oid.length);
        return b;
    }

    /** An SNMPv2c message with community "public": a GetRequest (request) or a Response with no bindings. */
    public static byte[] snmp(boolean request, int requestId) {
        byte[] community = {'p', 'u', 'b', 'l', 'i', 'c'};
        ByteBuffer pdu = ByteBuffer.allocate(13);
        pdu.put((byte) 0x02).put((byte) 1).put((byte) requestId) // request-id
                .put((byte) 0x02).put((byte) 1).put((byte) 0) // error-status
                .put((byte) 0x02).put((byte) 1).put((byte) 0) // error-index
                .put((byte) 0x30).put((byte) 0); // variable-bindings
        int pduLength = pdu.position();
        ByteBuffer b = ByteBuffer.allocate(2 + 3 + 2 + community.length + 2 + pduLength);
        b.put((byte) 0x30).put((byte) (b.capacity() - 2));
        b.put((byte) 0x02).put((byte) 1).put((byte) 1); // version: v2c
        b.put((byte) 0x04).put((byte) community.length).put(community);
        b.put((byte) (request ? 0xa0 : 0xa2)).put((byte) pduLength).put(pdu.array(), 0, pduLength);
        return b.array();
    }

    public static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
