package dev.ucaudit.cli;

import dev.ucaudit.testing.ChildJvm;
import dev.ucaudit.testing.LiveCapture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.synth.SignallingFloods;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * The live case of issue 15 §1: 600 SIP INVITEs, each with a 15,000-character Call-ID and 64 m=
 * lines (76,800 pinholes), sent over lo to {@code ucaudit live} running as its own JVM with a
 * 256 MB heap, stopped by SIGTERM. When each pinhole copied the whole Call-ID (over 1 GB in all)
 * the run died of OutOfMemoryError and lost everything it had captured; now the pinholes keep
 * short names, the table stays within its bounds and the whole report is written.
 */
@LiveCapture
@ChildJvm
class LiveHostileSignallingTest {
    /** Addresses of this test only (other live tests use 127.83/127.84), so the BPF filter keeps them apart. */
    private static final String PHONE = "127.85.0.2";
    private static final String CUCM = "127.85.0.3";
    private static final String FILTER = "net 127.85.0.0/24";
    private static final int INVITES = 600;
    private static final int CALL_ID_CHARS = 15_000;
    private static final int MEDIA_LINES = 64;

    @BeforeAll
    static void needsCapture() {
        LoopbackTraffic.assumeCaptureOnLoopback();
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(PHONE, 0))) {
            s.getLocalPort();
        } catch (Exception e) {
            throw new TestAbortedException("cannot bind " + PHONE + " on lo (" + e.getMessage() + "); skipping");
        }
    }

    @Test
    void sixHundredHugeInvitesOnTheWireLeaveAWholeReportAndABoundedPinholeTable(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("report");
        Path stderr = tmp.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.ucaudit.cli.Main", "live", "--interface", "lo", "--filter", FILTER, "--out", out.toString())
                .redirectError(stderr.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long sent = 0;
        try {
            LoopbackTraffic.awaitListening(p, stderr);
            sent = sendInvites();
            Thread.sleep(1000); // the last datagrams reach the capture before the signal
            new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).inheritIO().start().waitFor();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ucaudit live did not end after SIGTERM: " + LoopbackTraffic.read(stderr));
        } finally {
            p.destroyForcibly();
        }
        String err = LoopbackTraffic.read(stderr);
        assertTrue(p.exitValue() == 0 || p.exitValue() == 1, "exit " + p.exitValue() + " is a crash; stderr:\n" + err);
        assertFalse(err.contains("\tat ") || err.contains("OutOfMemoryError") || err.contains("out of memory"), err);
        assertTrue(err.contains("SIGTERM: stopping"), err);
        for (String f : List.of("flows.csv", "conversations.csv", "unused.csv", "summary.json", "report.html")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f + " is written; stderr:\n" + err);
        }

        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        long read = summary.at("/packets/read").asLong();
        long lost = summary.at("/capture/packets_dropped_by_kernel").asLong() + summary.at("/capture/packets_dropped_by_ucaudit").asLong();
        assertTrue(read > 0 && read + lost >= sent, "every INVITE sent is read or counted as dropped: read " + read + ", dropped " + lost
                + ", sent " + sent);
        List<CSVRecord> sip = PublicCapturesAuditTest.flows(out).stream()
                .filter(f -> f.get("initiator").equals(PHONE) && f.get("responder").equals(CUCM)
                        && f.get("responder_port").equals("5060") && f.get("protocol").equals("udp")).toList();
        assertEquals(1, sip.size(), "the INVITEs' flow is in flows.csv: " + sip);
        assertEquals(read, Long.parseLong(sip.get(0).get("packets")), "every packet read is an INVITE of that flow: " + sip);

        JsonNode pinholes = summary.at("/inspection/pinholes");
        long opened = pinholes.get("opened").asLong();
        long held = pinholes.get("held").asLong();
        long bytesHeld = pinholes.get("bytes_held").asLong();
        assertEquals(read * MEDIA_LINES * 2, opened, "an RTP and an RTCP pinhole per m= line of each INVITE read: " + pinholes);
        assertTrue(held <= pinholes.get("max_entries").asLong() && bytesHeld <= pinholes.get("max_bytes").asLong(),
                "the table holds no more than its bounds: " + pinholes);
        // the Call-IDs are cut: under 1 KB a pinhole (15 KB each uncut), so all of them fit and none was evicted
        assertTrue(bytesHeld < held * 1024, "pinholes keep short call ids: " + pinholes);
        assertEquals(opened, held, "nothing evicted or expired: " + pinholes);
        assertEquals(0, summary.at("/inspection/bounds_hit").size(), summary.at("/inspection/bounds_hit").toString());
        System.out.printf("live hostile signalling: %d INVITEs sent, %d read, %d dropped; pinholes %s%n", sent, read, lost, pinholes);
    }

    /** The INVITEs from the phone to the CUCM's 5060, one datagram each (about 17 KB; lo carries 64 KB). */
    private static long sendInvites() throws Exception {
        try (DatagramSocket cucm = new DatagramSocket(new InetSocketAddress(CUCM, 5060));
             DatagramSocket phone = new DatagramSocket(new InetSocketAddress(PHONE, 0))) {
            InetAddress to = InetAddress.getByName(CUCM);
            long sent = 0;
            for (int i = 0; i < INVITES; i++) {
                byte[] invite = SignallingFloods.invite(i, CALL_ID_CHARS, MEDIA_LINES);
                assertTrue(invite.length < 65_000, "one datagram: " + invite.length);
                phone.send(new DatagramPacket(invite, invite.length, to, 5060));
                sent++;
                if (i % 20 == 19) {
                    Thread.sleep(20); // paced (about 17 MB/s), so that the capture keeps up on a busy machine
                }
            }
            return sent;
        }
    }
}
