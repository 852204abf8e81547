package dev.ucaudit.inspect.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.ProtocolRegistry;
import dev.ucaudit.synth.H323Messages;
import dev.ucaudit.synth.Messages;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each probe's three-way answer on its protocol, on a valid beginning, and on other traffic. */
class ContentProbesTest {
    private final ProtocolRegistry registry = ProtocolRegistry.standard();

    private Detection probe(String inspector, byte[] b) {
        return registry.of(AppProtocol.of(inspector).orElseThrow()).orElseThrow().probe().probe(b, 0, b.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static final byte[] RTP = Messages.rtp(1, 160, 5, 160);
    private static final byte[] HTTP = ascii("GET / HTTP/1.1\r\nHost: x\r\n\r\n");

    @Test
    void sip() {
        assertEquals(Detection.DETECTED, probe("sip", ascii("\r\n\r\nOPTIONS sip:a@b SIP/2.0\r\nVia: x\r\n")));
        assertEquals(Detection.DETECTED, probe("sip", ascii("SIP/2.0 180 Ringing\r\n")));
        assertEquals(Detection.NEEDS_MORE_DATA, probe("sip", ascii("INVITE sip:a@b SI")));
        assertEquals(Detection.NEEDS_MORE_DATA, probe("sip", ascii("\r\n")));
        assertEquals(Detection.INVALID, probe("sip", HTTP));
        assertEquals(Detection.INVALID, probe("sip", RTP));
    }

    @Test
    void sccp() {
        byte[] register = Messages.sccpRegister("SEP001122334455", new byte[] {10, 0, 0, 1});
        assertEquals(Detection.DETECTED, probe("sccp", register));
        assertEquals(Detection.NEEDS_MORE_DATA, probe("sccp", Arrays.copyOf(register, 10)));
        assertEquals(Detection.INVALID, probe("sccp", HTTP));
        assertEquals(Detection.INVALID, probe("sccp", RTP));
    }

    @Test
    void h225() {
        byte[] connect = H323Messages.connect(1, new byte[] {10, 0, 0, 1}, 11000, new byte[16], new byte[16]);
        assertEquals(Detection.DETECTED, probe("h225", connect));
        assertEquals(Detection.NEEDS_MORE_DATA, probe("h225", Arrays.copyOf(connect, 3)));
        assertEquals(Detection.INVALID, probe("h225", HTTP));
        assertEquals(Detection.INVALID, probe("h225", new byte[] {3, 0, 0, 20, 0x16, 3, 1}));
    }

    @Test
    void mgcp() {
        assertEquals(Detection.DETECTED, probe("mgcp", Messages.mgcp("CRCX 1204 aaln/1@gw.example MGCP 1.0\nC: A3C47F\n")));
        assertEquals(Detection.DETECTED, probe("mgcp", Messages.mgcp("200 1204 OK\n")));
        assertEquals(Detection.NEEDS_MORE_DATA, probe("mgcp", ascii("CRC")));
        assertEquals(Detection.INVALID, probe("mgcp", ascii("CRCX is not how this line goes\r\n")));
        assertEquals(Detection.INVALID, probe("mgcp", RTP));
    }

    @Test
    void tftp() {
        assertEquals(Detection.DETECTED, probe("tftp", Messages.tftpReadRequest("SEP001122334455.cnf.xml")));
        assertEquals(Detection.NEEDS_MORE_DATA, probe("tftp", new byte[] {0, 1, 'a'}));
        assertEquals(Detection.INVALID, probe("tftp", new byte[] {0, 3, 0, 1, 9, 9}), "a DATA block alone is not a transfer's start");
        assertEquals(Detection.INVALID, probe("tftp", RTP));
    }

    @Test
    void guessNamesWhatIsThereInstead() {
        assertEquals("HTTP", registry.identify(6, HTTP, 0, HTTP.length, Set.of()));
        assertEquals("TLS", registry.identify(6, new byte[] {0x16, 3, 1, 0, 5, 1}, 0, 6, Set.of()));
        assertEquals("binary data", registry.identify(17, RTP, 0, RTP.length, Set.of()), "one RTP packet alone is not told");
        assertEquals("SIP", registry.identify(17, ascii("OPTIONS sip:a@b SIP/2.0\r\n"), 0, 25, Set.of()));
    }
}
