package dev.ucaudit.inspect.h323;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.RecordingContext;
import dev.ucaudit.synth.H323Messages;
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

    private static final byte[] CUCM = {10, 10, 1, 11};
    private static final byte[] PHONE = {10, 20, 0, 23};
    private static final byte[] CALL_ID = new byte[16];

    static {
        for (int i = 0; i < 16; i++) {
            CALL_ID[i] = (byte) (0xc0 + i);
        }
    }

    /** A Connect from CUCM naming its H.245 address 10.10.1.11:34567 (encoded by the project's generator). */
    public static byte[] connect() {
        return H323Messages.connect(0x77f4, CUCM, 34567, new byte[16], CALL_ID);
    }

    /** An OpenLogicalChannelAck naming the phone's media 10.20.0.23:50100 (RTCP :50101). */
    public static byte[] olcAck() {
        return H323Messages.openLogicalChannelAck(101, PHONE, 50100);
    }

    @Test
    void connectGivesH245ExpectationWithCallId() {
        RecordingContext c = new RecordingContext("10.30.0.1", 11000, "10.10.1.11", 1720, IpProtocol.TCP);
        byte[] m = connect();
        new H225Inspector().onPayload(c, Direction.FROM_RESPONDER, m, 0, m.length, 1, 0);
        assertEquals(List.of("h245 10.10.1.11:34567/tcp"), c.summary());
        assertEquals("H.245 of H.225 call id c0c1c2c3c4c5c6c7c8c9cacbcccdcecf (h245Address in connect)",
                c.expectations.get(0).reason());
    }

    @Test
    void h245AckGivesRtpAndRtcp() {
        RecordingContext c = new RecordingContext("10.30.0.1", 11001, "10.10.1.11", 34567, IpProtocol.TCP);
        byte[] m = olcAck();
        new H245Inspector().onPayload(c, Direction.FROM_RESPONDER, m, 0, m.length, 1, 0);
        assertEquals(List.of("rtp 10.20.0.23:50100/udp", "rtcp 10.20.0.23:50101/udp"), c.summary());
    }

    @Test
    void truncatedAndLyingLengths() {
        byte[] m = connect();
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
