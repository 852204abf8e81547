package dev.ucaudit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.cli.Main;
import dev.ucaudit.synth.Frames;
import dev.ucaudit.synth.H323Messages;
import dev.ucaudit.synth.Host;
import dev.ucaudit.synth.Messages;
import dev.ucaudit.synth.TcpSession;
import dev.ucaudit.synth.Wire;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash the mutation fuzzer found (seed 99), rebuilt as generated captures and audited through
 * the real command line: a TCP segment whose sequence number is exactly 2^31 from the expected one
 * made StreamReassembler copy from a negative offset, and the ArrayIndexOutOfBoundsException ended
 * the whole audit with no report. The fuzzer's own inputs were mutations of third-party captures,
 * so they are not kept in the project; these captures reproduce the same condition on the SCCP and
 * H.225 streams (the reassembler's unit test pins the exact sequence numbers).
 */
class FuzzRegressionTest {
    private static final Host PHONE = Host.of("phone", "10.20.0.21", 1, -1);
    private static final Host CUCM = Host.of("cucm", "10.10.1.11", 2, -1);
    private static final Host GATEWAY = Host.of("gw", "10.30.0.1", 3, -1);
    private static final long ISN = 1000;

    @TempDir
    Path dir;

    /** A TCP connection with one good message, then a segment 2^31 away, then another good one. */
    private Path capture(String name, Host client, Host server, int serverPort, byte[] message) throws Exception {
        Path f = dir.resolve(name);
        try (Wire w = new Wire(PcapWriter.create(f, 1, false), 1_700_000_000_000_000_000L)) {
            TcpSession s = new TcpSession(w, client, 51000, server, serverPort, ISN).open();
            s.fromClient(message);
            long expected = ISN + 1 + message.length;
            long far = (expected + 0x80000000L) & 0xffffffffL;
            w.send(client, server, 6, Frames.tcp(51000, serverPort, far, 1, 0x18, message));
            s.fromClient(message);
        }
        return f;
    }

    private void auditsToTheEnd(Path in, String inspector) throws Exception {
        Path out = dir.resolve(in.getFileName() + ".report");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = Main.run(new PrintWriter(o, true), new PrintWriter(e, true), "audit", "--out", out.toString(), in.toString());
        String err = e.toString();
        assertFalse(err.contains("arraycopy") || err.contains("Exception") || err.contains("out of bounds"), in + ": " + err);
        assertTrue(status >= 0 && status <= 1, in + ": status " + status + "\n" + err);
        assertTrue(Files.isRegularFile(out.resolve("summary.json")), in + ": no report\n" + err);
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(1, s.at("/flows/total").asLong(), "the flow is counted");
        // The far segment is a gap: the stream resets (each reset counted as malformed) and all three
        // messages are read. An inspector that threw would have stopped after the first message
        // (SignallingInspection catches the exception so the run survives even then).
        assertEquals(3, s.at("/inspection/per_protocol/" + inspector + "/messages").asLong(), s.get("inspection").toString());
    }

    @Test
    void sccpSegment2pow31AwayDoesNotEndTheAudit() throws Exception {
        auditsToTheEnd(capture("sccp-seq-2pow31-away.pcap", PHONE, CUCM, 2000,
                Messages.sccpOpenReceiveChannelAck(PHONE.address(), 24010, 7)), "sccp");
    }

    @Test
    void h225Segment2pow31AwayDoesNotEndTheAudit() throws Exception {
        auditsToTheEnd(capture("h225-seq-2pow31-away.pcap", GATEWAY, CUCM, 1720,
                H323Messages.connect(0x1234, CUCM.address(), 34567, new byte[16], new byte[16])), "h225");
    }
}
