package dev.ucaudit.inspect.tftp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.RecordingContext;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TftpInspectorTest {
    // opcode 1 (RRQ), "SEP001122334455.cnf.xml" NUL, "octet" NUL, option "blksize" NUL "1428" NUL
    static final byte[] RRQ = ("\0\u0001SEP001122334455.cnf.xml\0octet\0blksize\u00001428\0").getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void readRequestExpectsDataToClientPortWithServerAsPeer() {
        RecordingContext c = new RecordingContext("10.0.0.7", 49152, "10.0.0.1", 69, IpProtocol.UDP);
        new TftpInspector().onPayload(c, Direction.FROM_INITIATOR, RRQ, 0, RRQ.length, -1, 0);
        assertEquals(1, c.expectations.size());
        var e = c.expectations.get(0);
        assertEquals("10.0.0.7", e.address().getHostAddress());
        assertEquals(49152, e.port());
        assertEquals("10.0.0.1", e.peer().getHostAddress());
        assertEquals("TFTP data of read request for SEP001122334455.cnf.xml", e.reason());
    }

    @Test
    void threeWay() {
        assertEquals(Detection.NEEDS_MORE_DATA, TftpParser.parse(RRQ, 0, 1).detection());
        assertEquals(Detection.NEEDS_MORE_DATA, TftpParser.parse(RRQ, 0, 10).detection());
        assertEquals(Detection.DETECTED, TftpParser.parse(RRQ, 0, RRQ.length).detection());
        byte[] bad = "\0\u0009x\0octet\0".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Detection.INVALID, TftpParser.parse(bad, 0, bad.length).detection());
        byte[] badMode = "\0\u0001x\0binary\0".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Detection.INVALID, TftpParser.parse(badMode, 0, badMode.length).detection());
    }
}
