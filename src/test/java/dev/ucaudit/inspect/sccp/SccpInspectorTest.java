package dev.ucaudit.inspect.sccp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.RecordingContext;
import java.util.List;
import org.junit.jupiter.api.Test;

public class SccpInspectorTest {
    public static byte[] hex(String s) {
        String h = s.replaceAll("[^0-9a-fA-F]", "");
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    // OpenReceiveChannel (0x105), basic header: length 0x0c (id + 8 data bytes), version 0,
    // conferenceId 123 (0x7b), passThruPartyId 456 (0x1c8)
    public static final String ORC = "0c000000 00000000 05010000 7b000000 c8010000";
    // OpenReceiveChannelAck (0x22), basic: length 0x14, version 0, id 0x22, status 0,
    // ip 10.0.0.7, port 20000 (0x4e20), passThruPartyId 456
    public static final String ACK_BASIC = "14000000 00000000 22000000 00000000 0a000007 204e0000 c8010000";
    // StartMediaTransmission (0x8a), version 0x14: length 0x24, conf 123, ptp 456, ipAddrType 1 (IPv6),
    // 2001:db8::9 (16 bytes), port 30000 (0x7530)
    public static final String SMT_V6 = "24000000 14000000 8a000000 7b000000 c8010000 01000000"
            + " 20010db8 00000000 00000000 00000009 30750000";
    // OpenReceiveChannelAck, version 0x11: length 0x28, status 0, ipAddrType 0, 10.0.0.8 + 12 pad, port 20002, ptp 457, callRef 1
    public static final String ACK_V17 = "28000000 11000000 22000000 00000000 00000000 0a000008 00000000 00000000 00000000"
            + " 224e0000 c9010000 01000000";

    static RecordingContext ctx() {
        return new RecordingContext("10.0.0.7", 51000, "10.0.0.1", 2000, IpProtocol.TCP);
    }

    @Test
    void basicLayoutAckNamesConferenceFromOpenReceiveChannel() {
        RecordingContext c = ctx();
        SccpInspector s = new SccpInspector();
        byte[] orc = hex(ORC);
        byte[] ack = hex(ACK_BASIC);
        s.onPayload(c, Direction.FROM_RESPONDER, orc, 0, orc.length, 100, 0);
        s.onPayload(c, Direction.FROM_INITIATOR, ack, 0, ack.length, 200, 0);
        assertEquals(List.of("rtp 10.0.0.7:20000/udp", "rtcp 10.0.0.7:20001/udp"), c.summary());
        assertEquals("SCCP OpenReceiveChannelAck, conference 123, pass-through party 456", c.expectations.get(0).reason());
    }

    @Test
    void newLayoutsIpv4AndIpv6InOneSegment() {
        RecordingContext c = ctx();
        byte[] two = hex(SMT_V6 + ACK_V17);
        new SccpInspector().onPayload(c, Direction.FROM_RESPONDER, two, 0, two.length, 1, 0);
        assertEquals("rtp 2001:db8:0:0:0:0:0:9:30000/udp", c.summary().get(0));
        assertEquals("rtp 10.0.0.8:20002/udp", c.summary().get(2));
        assertEquals(0, c.malformed.size());
    }

    @Test
    void messageSplitAcrossSegments() {
        RecordingContext c = ctx();
        SccpInspector s = new SccpInspector();
        byte[] ack = hex(ACK_BASIC);
        s.onPayload(c, Direction.FROM_INITIATOR, ack, 0, 5, 10, 0);
        s.onPayload(c, Direction.FROM_INITIATOR, ack, 5, ack.length - 5, 15, 0);
        assertEquals(2, c.expectations.size());
    }

    @Test
    void framerAndParserThreeWay() {
        SccpFramer f = new SccpFramer();
        byte[] ack = hex(ACK_BASIC);
        assertEquals(Detection.NEEDS_MORE_DATA, f.frame(ack, 0, 7).detection());
        assertEquals(Detection.NEEDS_MORE_DATA, f.frame(ack, 0, ack.length - 1).detection());
        assertEquals(Detection.DETECTED, f.frame(ack, 0, ack.length).detection());
        assertEquals(Detection.INVALID, f.frame(hex("ffffff7f 00000000 22000000"), 0, 12).detection());
        assertEquals(Detection.INVALID, f.frame(hex("02000000 00000000"), 0, 8).detection());
        // a lying length inside the frame: Ack claiming 8 bytes of data only
        byte[] shortAck = hex("0c000000 00000000 22000000 00000000 0a000007");
        assertEquals(Detection.NEEDS_MORE_DATA, SccpParser.parse(shortAck, 0, shortAck.length).detection());
        byte[] badType = hex("28000000 11000000 22000000 00000000 07000000" + " 00".repeat(28));
        assertEquals(Detection.INVALID, SccpParser.parse(badType, 0, badType.length).detection());
        RecordingContext c = ctx();
        new SccpInspector().onPayload(c, Direction.FROM_INITIATOR, shortAck, 0, shortAck.length, 1, 0);
        assertEquals(1, c.malformed.size());
    }
}
