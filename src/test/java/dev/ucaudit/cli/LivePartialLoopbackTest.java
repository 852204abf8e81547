package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import dev.ucaudit.testing.ChildJvm;
import dev.ucaudit.testing.LiveCapture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.capture.PcapFileSource;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.synth.MediaHeavySite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.PcapDumper;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;

/**
 * {@code ucaudit live --rotate 2s --partial} as its own process on lo, stopped by SIGTERM, while a
 * second libpcap handle in this JVM writes the same traffic (same filter) to a pcap: the period
 * folders merged with {@code ucaudit merge} give the report {@code ucaudit audit} gives of that pcap.
 *
 * <p>The traffic is generated media-heavy frames (SCCP over TCP, SIP over UDP, RTP, TFTP, LDAP, HTTPS) injected
 * on lo through a third handle with a source MAC address of this JVM's own, and a SIP REGISTER over
 * UDP between two 127.x addresses of this JVM's own through the kernel; the filter takes exactly
 * those. Both handles then see each packet with the same kernel timestamp: libpcap turns on
 * SO_TIMESTAMPNS, so the kernel stamps each received packet once (in netif_rx) and every packet socket
 * reads that stamp. Packets that the kernel's own TCP sends on lo are not used: they carry TCP's
 * departure time, which packet sockets ignore, so each socket reads the clock itself and the two
 * captures differ by a few hundred nanoseconds (measured: 402 of 642 packets, up to 1.5 us).
 */
@LiveCapture
@ChildJvm
class LivePartialLoopbackTest {
    /** A locally administered source MAC address of this JVM's own: other test runs inject with theirs. */
    private static final byte[] SOURCE_MAC = {0x02, 0x75, 0x63, 0x70,
        (byte) (ProcessHandle.current().pid() >> 8), (byte) ProcessHandle.current().pid()};
    private static final byte[] DESTINATION_MAC = {0x02, 0x75, 0x63, 0x70, 0x00, 0x00};
    /** UDP only on the 127.x net: kernel TCP there (another test JVM's, should its net be the same) would differ in time. */
    private static final String FILTER = String.format("ether src %02x:%02x:%02x:%02x:%02x:%02x or (udp and %s)",
            SOURCE_MAC[0], SOURCE_MAC[1], SOURCE_MAC[2], SOURCE_MAC[3], SOURCE_MAC[4] & 0xff, SOURCE_MAC[5] & 0xff,
            LoopbackTraffic.FILTER);
    private static final int INJECTED = 6000;
    /** Injection pace: about 1,200 packets a second, 5 s in all, so that flows cross 2 s periods. */
    private static final long NANOS_PER_PACKET = 830_000L;

    @BeforeAll
    static void needsCapture() {
        LoopbackTraffic.assumeCaptureOnLoopback();
    }

    @Test
    void periodsMergedEqualTheAuditOfASecondCaptureOfTheSameTraffic(@TempDir Path tmp) throws Exception {
        Path generated = tmp.resolve("media-heavy.pcap");
        MediaHeavySite.write(generated, INJECTED);
        List<byte[]> frames = frames(generated);
        Path inventory = tmp.resolve("inventory.csv");
        Files.writeString(inventory, MediaHeavySite.INVENTORY + LoopbackTraffic.PHONE + ",phone,test phone\n"
                + LoopbackTraffic.CUCM + ",cucm,test cucm\n");

        Path out = tmp.resolve("live");
        Path stderr = tmp.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process live = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.ucaudit.cli.Main", "live", "--interface", "lo", "--rotate", "2s", "--partial", "--filter", FILTER,
                "--inventory", inventory.toString(), "--out", out.toString())
                .redirectError(stderr.toFile()).redirectOutput(tmp.resolve("stdout.txt").toFile()).start();
        Path pcap = tmp.resolve("second-handle.pcap");
        PcapHandle second = null;
        long secondDropped;
        try {
            LoopbackTraffic.awaitListening(live, stderr);
            second = open(65535);
            second.setFilter(FILTER, BpfProgram.BpfCompileMode.OPTIMIZE);
            PcapDumper dumper = second.dumpOpen(pcap.toString());
            Thread writer = capture(second, dumper);
            Thread.sleep(300); // both handles' sockets receive, and the kernel's timestamping is on
            inject(frames);
            Thread.sleep(1500); // the last packets analysed, and a period boundary passed
            new ProcessBuilder("kill", "-TERM", Long.toString(live.pid())).inheritIO().start().waitFor();
            assertTrue(live.waitFor(60, TimeUnit.SECONDS), "ucaudit live did not end after SIGTERM: " + LoopbackTraffic.read(stderr));
            second.breakLoop();
            writer.join(10_000);
            secondDropped = second.getStats().getNumPacketsDropped();
            dumper.close();
        } finally {
            live.destroyForcibly();
            if (second != null) {
                second.close();
            }
        }
        String err = LoopbackTraffic.read(stderr);
        assertTrue(live.exitValue() <= 1, "every period written (1: undocumented flows); stderr:\n" + err);
        assertEquals(0, secondDropped, "the second handle dropped packets: the comparison needs all of them");

        List<Path> periods;
        try (Stream<Path> s = Files.list(out)) {
            periods = s.filter(p -> !Files.isSymbolicLink(p) && Files.isRegularFile(p.resolve("summary.json"))).sorted().toList();
        }
        assertTrue(periods.size() >= 3, "5 s of traffic in periods of 2 s: " + periods);
        JsonNode last = new ObjectMapper().readTree(periods.get(periods.size() - 1).resolve("summary.json").toFile());
        JsonNode total = last.get("capture").get("since_start");
        assertEquals(0, total.get("packets_dropped_by_kernel").asLong() + total.get("packets_dropped_by_ucaudit").asLong(),
                "ucaudit live dropped packets: the comparison needs all of them: " + total);
        long rows = 0;
        List<String> args = new ArrayList<>(List.of("merge", "-q", "--inventory", inventory.toString(),
                "--out", tmp.resolve("merged").toString()));
        for (Path p : periods) {
            assertTrue(Files.isRegularFile(p.resolve(AuditSession.PARTIAL)), p + " holds its partial");
            rows += Files.readAllLines(p.resolve("flows.csv")).size() - 1;
            args.add(p.toString());
        }
        Cli merged = Cli.run(args.toArray(String[]::new));
        Cli audit = Cli.run("audit", "-q", "--inventory", inventory.toString(), "--out", tmp.resolve("audit").toString(),
                pcap.toString());
        assertTrue(audit.status <= 1, audit.toString());
        assertEquals(audit.status, merged.status, merged.toString());

        JsonNode summary = new ObjectMapper().readTree(tmp.resolve("merged").resolve("summary.json").toFile());
        assertEquals(frames.size() + 2, summary.get("packets").get("read").asLong(), "the frames injected and the REGISTER with its 200 OK");
        assertTrue(summary.get("flows").get("total").asLong() < rows,
                "flows crossing a period boundary are joined by the merge: " + rows + " period rows");
        assertEquals(ReportFiles.comparable(tmp.resolve("audit")), ReportFiles.comparable(tmp.resolve("merged")),
                "the periods merged are the audit of the second handle's capture of the same traffic");
    }

    /** A handle on lo as ucaudit live opens one: nanosecond timestamps where libpcap has them. */
    private static PcapHandle open(int snaplen) throws PcapNativeException {
        try {
            return builder(snaplen).timestampPrecision(PcapHandle.TimestampPrecision.NANO).build();
        } catch (PcapNativeException e) {
            return builder(snaplen).build(); // microseconds, as ucaudit live then falls back to
        }
    }

    private static PcapHandle.Builder builder(int snaplen) {
        return new PcapHandle.Builder("lo").snaplen(snaplen).bufferSize(32 << 20).timeoutMillis(10)
                .promiscuousMode(PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS);
    }

    /** Writes what {@code handle} captures to {@code dumper} until {@link PcapHandle#breakLoop}. */
    private static Thread capture(PcapHandle handle, PcapDumper dumper) {
        Thread t = new Thread(() -> {
            try {
                handle.loop(-1, dumper);
            } catch (InterruptedException e) {
                // breakLoop: the end
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "second-handle");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Sends the frames on lo at an even pace, with the SIP REGISTER through the kernel halfway. */
    private static void inject(List<byte[]> frames) throws Exception {
        PcapHandle sender = open(128);
        try {
            long start = System.nanoTime();
            for (int i = 0; i < frames.size(); i++) {
                if (i == frames.size() / 2) {
                    LoopbackTraffic.sipRegister();
                }
                long due = start + i * NANOS_PER_PACKET;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
                sender.sendPacket(frames.get(i));
            }
        } finally {
            sender.close();
        }
    }

    /** The generated frames with this JVM's MAC addresses (not lo's: the kernel drops them after the capture). */
    private static List<byte[]> frames(Path pcap) throws Exception {
        List<byte[]> frames = new ArrayList<>();
        new PcapFileSource(pcap).run(new PacketSink() {
            @Override
            public void packet(RawPacket p) {
                byte[] f = Arrays.copyOfRange(p.data, p.offset, p.offset + p.length);
                System.arraycopy(DESTINATION_MAC, 0, f, 0, 6);
                System.arraycopy(SOURCE_MAC, 0, f, 6, 6);
                frames.add(f);
            }

            @Override
            public void problem(CaptureProblem problem) {
                throw new IllegalStateException(problem.describe());
            }
        });
        return frames;
    }
}
