package dev.ucaudit.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.h323.H225InspectorTest;
import dev.ucaudit.inspect.sccp.SccpInspectorTest;
import dev.ucaudit.inspect.sdp.SdpDescription;
import dev.ucaudit.inspect.sdp.SdpParser;
import dev.ucaudit.inspect.sip.SipInspectorTest;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** 20,000 random and mutated inputs per inspector (fixed seed): nothing may throw. */
class FuzzTest {
    static final int ROUNDS = 20_000;

    static byte[] mutate(Random r, byte[] seed) {
        byte[] b = r.nextInt(4) == 0 ? new byte[r.nextInt(300)] : seed.clone();
        if (b.length == seed.length && b != seed) {
            int flips = 1 + r.nextInt(8);
            for (int i = 0; i < flips && b.length > 0; i++) {
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
        } else {
            r.nextBytes(b);
        }
        if (b.length > 0 && r.nextBoolean()) {
            b = java.util.Arrays.copyOf(b, r.nextInt(b.length)); // truncate
        }
        return b;
    }

    void run(String name, IpProtocol proto, byte[] seed) {
        Random r = new Random(0x5eed ^ name.hashCode());
        ProtocolRegistry registry = ProtocolRegistry.standard();
        long malformed = 0;
        for (int i = 0; i < ROUNDS; i++) {
            Inspector insp = registry.newInspector(AppProtocol.of(name).orElseThrow()).orElseThrow();
            RecordingContext c = new RecordingContext("10.0.0.1", 40000, "10.0.0.2", 2000, proto);
            byte[] b = mutate(r, seed);
            long seq = r.nextInt(1000);
            // feed in up to three pieces, sometimes with odd sequence numbers
            int cut = b.length == 0 ? 0 : r.nextInt(b.length + 1);
            insp.onPayload(c, Direction.FROM_INITIATOR, b, 0, cut, seq, 0);
            insp.onPayload(c, Direction.FROM_INITIATOR, b, cut, b.length - cut, r.nextInt(8) == 0 ? seq + 5000 : seq + cut, 0);
            insp.onPayload(c, Direction.FROM_RESPONDER, b, 0, b.length, seq, 0);
            malformed += c.malformed.size();
        }
        assertTrue(malformed > 0, name + ": mutations should be reported as malformed");
    }

    static byte[] hex(String s) {
        return SccpInspectorTest.hex(s);
    }

    @Test
    void sip() {
        run("sip", IpProtocol.TCP, (SipInspectorTest.INVITE + SipInspectorTest.OK_COMPACT).getBytes(StandardCharsets.ISO_8859_1));
        run("sip", IpProtocol.UDP, SipInspectorTest.INVITE.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void sccp() {
        run("sccp", IpProtocol.TCP, hex(SccpInspectorTest.SMT_V6 + SccpInspectorTest.ACK_BASIC + SccpInspectorTest.ACK_V17));
    }

    @Test
    void h225AndH245() {
        run("h225", IpProtocol.TCP, H225InspectorTest.connect());
        run("h245", IpProtocol.TCP, H225InspectorTest.olcAck());
    }

    @Test
    void mgcpAndTftp() {
        run("mgcp", IpProtocol.UDP, ("200 1203 OK\r\n.\r\n" + "CRCX 1 a@b MGCP 1.0\r\nC: 1\r\n\r\nv=0\r\nc=IN IP4 1.2.3.4\r\nm=audio 4 RTP/AVP 0\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        run("tftp", IpProtocol.UDP, "\0\u0001SEP00.cnf.xml\0octet\0".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void sdpAndFragments() {
        Random r = new Random(42);
        byte[] seed = "v=0\nc=IN IP6 2001:db8::1\nm=audio 5004 RTP/AVP 0\na=rtcp:5010 IN IP4 192.0.2.7\n".getBytes(StandardCharsets.ISO_8859_1);
        SdpDescription clean = SdpParser.parse(seed, 0, seed.length);
        assertEquals(0, clean.problems(), "the seed itself is well formed");
        assertEquals(1, clean.media().size());
        assertEquals(5004, clean.media().get(0).port());
        assertEquals(5010, clean.media().get(0).rtcpPort());
        FragmentReassembler f = new FragmentReassembler(64, 4096, java.time.Duration.ofSeconds(1));
        long sdpWithProblems = 0;
        long impossible = 0;
        for (int i = 0; i < ROUNDS; i++) {
            byte[] b = mutate(r, seed);
            SdpDescription d = SdpParser.parse(b, 0, b.length);
            assertTrue(d.media().size() <= SdpParser.MAX_MEDIA);
            if (d.problems() > 0) {
                sdpWithProblems++;
            }
            int offset = r.nextInt(6000) - 8;
            boolean more = r.nextBoolean();
            if (offset < 0 || offset + b.length > 4096) {
                impossible++; // a negative offset or a datagram beyond the 4096-byte bound is never buffered
            }
            f.offer(4 + 2 * r.nextInt(2), new byte[] {1, 2, 3, 4}, new byte[] {5, 6, 7, 8}, 17, r.nextInt(4),
                    offset, more, b, 0, b.length)
                    .ifPresent(done -> assertTrue(done.ipPayload().length <= 4096, "reassembled within the bound"));
        }
        assertTrue(sdpWithProblems > 0, "mutated SDP is reported as having problems");
        assertTrue(impossible > 0 && f.dropped() >= impossible, "every impossible fragment dropped: " + f.dropped() + " < " + impossible);
        assertTrue(f.pending() <= 64, "at most 64 datagrams pending: " + f.pending());
    }
}
