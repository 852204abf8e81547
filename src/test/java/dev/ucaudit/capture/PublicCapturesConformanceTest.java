package dev.ucaudit.capture;

import dev.ucaudit.testing.ChildJvm;
import dev.ucaudit.testing.PublicCaptures;
import dev.ucaudit.testing.OnPublicCaptures;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.packet.RawPacket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ucaudit.decode.DecodeStatus;
import dev.ucaudit.decode.DecodedPacket;
import dev.ucaudit.decode.PacketDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads every third-party capture in ../shared/captures/public through {@link CaptureFiles#open}
 * and decodes every packet. Skips when that folder is absent.
 */
@OnPublicCaptures
@ChildJvm
class PublicCapturesConformanceTest {
    private static final Path FOLDER = PublicCaptures.FOLDER;

    /** Files whose packet count legitimately differs from tshark's, and why. */
    private static final Map<String, String> COUNT_DIFFERS = Map.of(
            "gopacket-pcapng-be-multisection.pcapng",
            "tshark lists the custom blocks as frames too; they carry no packet",
            "gopacket-pcapng-bad-shb-version.pcapng",
            "tshark stops at the section with version 2.0; we skip that section and read the third one",
            "sv-corrupt-record-tls.pcap",
            "record 6 is 2 bytes shorter than its header says, so record 7's header is read misaligned (4.3 MB);"
                    + " tshark stops there, we resynchronise 80 bytes later and recover 7 more genuine packets");

    /** Files in which the reader must report problems (damaged on purpose). */
    private static final Map<String, String> EXPECTED_PROBLEMS = Map.of(
            "gopacket-pcapng-bad-shb-version.pcapng", "section 2 declares pcapng version 2.0",
            "pkts-corrupt-mixed-endian.pcap", "big-endian header, little-endian records: first record length impossible",
            "ndpi-truncated-last-record.pcap", "version 2.0: its one record (197 of 524501 bytes) is read as libpcap reads it;"
                    + " 2 bytes of a next record header follow",
            "sv-corrupt-record-tls.pcap", "record 7 claims 4.3 MB");

    @Test
    void everyPublicCaptureReadsAndDecodes() throws Exception {
        assumeTrue(Files.isDirectory(FOLDER), "no public captures at " + FOLDER.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> s = Files.list(FOLDER)) {
            files = s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng"))
                    .sorted().toList();
        }
        assertFalse(files.isEmpty());
        boolean tshark = Files.isExecutable(Path.of("/usr/bin/tshark"));
        PacketDecoder decoder = new PacketDecoder();
        DecodedPacket decoded = new DecodedPacket();
        List<String> failures = new ArrayList<>();
        System.out.printf("%-42s %7s %6s %6s %6s %8s %7s %s%n", "file", "packets", "IP", "nonIP", "malf",
                "unkLink", "probs", "tshark");
        for (Path file : files) {
            String name = file.getFileName().toString();
            long[] counts = new long[6];
            List<String> problems = new ArrayList<>();
            List<String> malformed = new ArrayList<>();
            try (PacketSource source = CaptureFiles.open(file)) {
                source.run(new PacketSink() {
                    @Override
                    public void packet(RawPacket packet) {
                        counts[0]++;
                        DecodeStatus status = decoder.decode(packet, decoded);
                        counts[1 + status.ordinal()]++;
                        if (status == DecodeStatus.MALFORMED || status == DecodeStatus.UNKNOWN_LINK_TYPE) {
                            malformed.add("#" + packet.number + " " + decoder.lastProblem());
                        }
                    }

                    @Override
                    public void problem(CaptureProblem problem) {
                        if (problem.isNote()) {
                            System.out.println("    note: " + problem.describe());
                        } else {
                            problems.add(problem.describe());
                        }
                    }
                });
            } catch (CaptureException e) {
                problems.add("CaptureException: " + e.getMessage());
            }
            long expected = tshark ? tsharkCount(file) : -1;
            System.out.printf("%-42s %7d %6d %6d %6d %8d %7d %s%n", name, counts[0], counts[1], counts[2],
                    counts[4], counts[3], problems.size(), expected < 0 ? "-" : String.valueOf(expected));
            problems.forEach(p -> System.out.println("    problem: " + p));
            malformed.stream().limit(5).forEach(m -> System.out.println("    decode: " + m));
            malformed.stream().filter(m -> m.contains("internal decoder error"))
                    .forEach(m -> failures.add(name + ": " + m));
            if (expected >= 0 && expected != counts[0] && !COUNT_DIFFERS.containsKey(name)) {
                failures.add(name + ": read " + counts[0] + " packets, tshark reads " + expected);
            }
            if (EXPECTED_PROBLEMS.containsKey(name) == problems.isEmpty()) {
                failures.add(name + ": " + (problems.isEmpty() ? "no problem reported, expected: "
                        + EXPECTED_PROBLEMS.get(name) : "unexpected problems " + problems));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void builtInAndLibpcapReadersAgreeOnCleanFiles() throws Exception {
        assumeTrue(Files.isDirectory(FOLDER), "no public captures at " + FOLDER.toAbsolutePath());
        for (String name : List.of("ndpi-skinny.pcap", "tcpdump-nanosec-sll.pcap", "ndpi-sccp-hw-conf-register.pcapng",
                "zeek-sip-rawip.pcap")) {
            Path file = FOLDER.resolve(name);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> builtIn = ReadAll.summaries(CaptureFiles.open(file, CaptureFiles.Reader.BUILT_IN));
            List<String> libpcap = ReadAll.summaries(CaptureFiles.open(file, CaptureFiles.Reader.LIBPCAP));
            assertEquals(libpcap, builtIn, name);
        }
    }

    private static long tsharkCount(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/tshark", "-r", file.toString(), "-T", "fields", "-e", "frame.number")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out.lines().filter(l -> !l.isBlank()).count();
    }
}
