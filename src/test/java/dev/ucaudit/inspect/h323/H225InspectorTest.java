package dev.ucaudit.inspect.h323;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.RecordingContext;
import java.util.List;
import org.junit.jupiter.api.Test;

public class H225InspectorTest {
    public static byte[] hex(String s) {
        String h = s.replaceAll("[^0-9a-fA-F]", "");
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    /** A Connect as in ndpi-h323.pcap frame 18, annotated. */
    public static final String CONNECT =
            "03 00 00 61"                 // TPKT v3, length 97
            + " 08 02 f7 f4 07"           // Q.931 PD 8, call ref len 2 = 0x77f4 (flag set), type 0x07 Connect
            + " 28 07 4d 2e 4a 45 4d 45 43" // Display IE, 7 bytes
            + " 7e 00 4c 05"              // User-user IE, length 76, PD 5 (X.208/X.209)
            + " 22"   // 0 ext, 0 user-data, 0 ext, 0 nsd, 0 choice ext, 010 = connect
            + " c0"   // Connect-UUIE ext=1, h245Address present=1, pad
            + " 06 00 08 91 4a 00 03"     // protocolIdentifier OID 0.0.8.2250.0.3
            + " 00 0a 01 06 12 04 d0"     // h245Address: ipAddress 10.1.6.18 port 1232
            + " 22 c0 00 00 00 00 03 33 31 30 69 00 52 00" // destinationInfo: vendor "310i"/"R", terminal
            + " f8 fd f9 3e cd 9e d6 11 9a b2 00 04 76 22 20 17" // conferenceID
            + " 17 0c 00 11 00 c0 fe f9 3e cd 9e d6 11 9a b2 00 04 76 22 20 17" // extensions: callIdentifier
            + " 01 00 01 00 08 80 01 00";

    /** OpenLogicalChannelAck as in frame 42: mediaChannel 10.1.6.18:2006, mediaControlChannel :2007. */
    public static final String OLC_ACK = "03 00 00 1f 22 c0 00 64 04 80 14 5c 00 00 0a 01 06 12 07 d6 00 0a 01 06 12 07 d7 03 00 01 80";

    @Test
    void connectGivesH245ExpectationWithCallId() {
        RecordingContext c = new RecordingContext("10.1.3.143", 32803, "10.1.6.18", 1720, IpProtocol.TCP);
        byte[] m = hex(CONNECT);
        new H225Inspector().onPayload(c, Direction.FROM_RESPONDER, m, 0, m.length, 1, 0);
        assertEquals(List.of("h245 10.1.6.18:1232/tcp"), c.summary());
        assertEquals("H.245 of H.225 call id c0fef93ecd9ed6119ab2000476222017 (h245Address in connect)",
                c.expectations.get(0).reason());
    }

    @Test
    void h245AckGivesRtpAndRtcp() {
        RecordingContext c = new RecordingContext("10.1.3.143", 32804, "10.1.6.18", 1232, IpProtocol.TCP);
        byte[] m = hex(OLC_ACK);
        new H245Inspector().onPayload(c, Direction.FROM_RESPONDER, m, 0, m.length, 1, 0);
        assertEquals(List.of("rtp 10.1.6.18:2006/udp", "rtcp 10.1.6.18:2007/udp"), c.summary());
    }

    @Test
    void truncatedAndLyingLengths() {
        byte[] m = hex(CONNECT);
        TpktFramer f = new TpktFramer();
        assertEquals(Detection.NEEDS_MORE_DATA, f.frame(m, 0, 3).detection());
        assertEquals(Detection.NEEDS_MORE_DATA, f.frame(m, 0, 50).detection());
        assertEquals(Detection.INVALID, f.frame(hex("04 00 00 10"), 0, 4).detection());
        assertEquals(Detection.INVALID, f.frame(hex("03 00 00 02"), 0, 4).detection());
        // User-user IE claiming 0x4c bytes inside a shorter Q.931 message
        byte[] q = hex("08 02 f7 f4 07 7e 00 4c 05 22 c0");
        assertEquals(Detection.INVALID, Q931.parse(q, 0, q.length).detection());
        assertEquals(Detection.NEEDS_MORE_DATA, Q931.parse(q, 0, 1).detection());
        // PER body cut short: decoder gives up without an address
        H225Info info = H225Decoder.decode(hex("22 c0 06 00 08 91"), 0, 6, List.of());
        assertTrue(info == null || info.h245Address() == null);
    }
}
