package dev.ucaudit.capture;

import dev.ucaudit.testing.PublicCaptures;
import dev.ucaudit.testing.OnPublicCaptures;
import dev.ucaudit.packet.CaptureProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in reader reads every packet libpcap reads: on every public capture and on generated files
 * with each oddity libpcap reads past (record longer than its original length, snapshot length 0 or
 * smaller than the records, a record more than 1024 bytes over the snapshot length, a timestamp fraction
 * of a second or more, seconds of 2^31 and later, pcapng options of unusual codes and lengths).
 */
@OnPublicCaptures
class LibpcapConformanceTest {
    private static final Path PUBLIC = PublicCaptures.FOLDER;
    private static final long T0 = 2_200_000_000L; // seconds after 2^31: 2039

    /** Files where the built-in reader reads fewer packets than libpcap, and why (none today). */
    private static final java.util.Map<String, String> FEWER = java.util.Map.of();

    @TempDir
    Path dir;

    private record Counts(ReadAll builtIn, ReadAll libpcap, String libpcapError) {
        boolean libpcapStoppedEarly() {
            return libpcapError != null || libpcap.problems.stream().anyMatch(p -> !p.isNote());
        }
    }

    private static Counts read(Path file) throws CaptureException {
        ReadAll builtIn = ReadAll.read(new PcapFileSource(file));
        try {
            return new Counts(builtIn, ReadAll.read(new Pcap4jFileSource(file)), null);
        } catch (CaptureException e) {
            return new Counts(builtIn, new ReadAll(), e.getMessage());
        }
    }

    @Test
    void builtInReadsEveryPacketLibpcapReadsInEveryPublicCapture() throws Exception {
        assumeTrue(Files.isDirectory(PUBLIC), "no public captures at " + PUBLIC.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> s = Files.list(PUBLIC)) {
            files = s.filter(p -> p.toString().matches(".*\\.(pcap|pcapng)$")).sorted().toList();
        }
        assertFalse(files.isEmpty(), PUBLIC + " holds no capture");
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (Path file : files) {
            Counts c = read(file);
            int b = c.builtIn().packets.size();
            int l = c.libpcap().packets.size();
            System.out.printf("%-42s builtin %6d libpcap %6d %s%n", file.getFileName(), b, l,
                    c.libpcapError() != null ? "(libpcap: " + c.libpcapError() + ")" : c.libpcapStoppedEarly() ? "(libpcap stopped early)" : "");
            if (c.libpcapError() != null) {
                continue; // e.g. a pcapng whose interfaces have different link types: libpcap reads none of it
            }
            compared++;
            if (FEWER.containsKey(file.getFileName().toString())) {
                assertFalse(c.builtIn().problems.stream().allMatch(CaptureProblem::isNote), file + ": damage reported");
            } else if (c.libpcapStoppedEarly() ? b < l : b != l) {
                failures.add(file.getFileName() + ": built-in reader read " + b + " packets, libpcap " + l);
            }
        }
        assertTrue(compared > 0, "libpcap read none of the public captures");
        assertEquals(List.of(), failures);
    }

    /** A classic little-endian µs pcap: header with the given snaplen, then the given records. */
    private Path pcap(String name, long snaplen, long[][] records) throws Exception {
        return pcap(name, 4, snaplen, records, false);
    }

    /**
     * A classic little-endian µs pcap of version 2.{@code minor}; each record {seconds, µs, captured,
     * original}, its two lengths written in the other order when {@code lengthsSwapped} (before 2.3).
     */
    private Path pcap(String name, int minor, long snaplen, long[][] records, boolean lengthsSwapped) throws Exception {
        int size = 24;
        for (long[] r : records) {
            size += 16 + (int) r[2];
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) minor).putInt(0).putInt(0).putInt((int) snaplen).putInt(1);
        int n = 0;
        for (long[] r : records) {
            b.putInt((int) r[0]).putInt((int) r[1]);
            if (lengthsSwapped) {
                b.putInt((int) r[3]).putInt((int) r[2]);
            } else {
                b.putInt((int) r[2]).putInt((int) r[3]);
            }
            for (int i = 0; i < r[2]; i++) {
                b.put((byte) (i + n));
            }
            n++;
        }
        Path f = dir.resolve(name);
        Files.write(f, b.array());
        return f;
    }

    private void assertSamePacketsAndTimes(Path f, int expected) throws Exception {
        Counts c = read(f);
        assertEquals(null, c.libpcapError(), f.getFileName().toString());
        assertEquals(expected, c.libpcap().packets.size(), "libpcap reads " + f.getFileName());
        assertEquals(expected, c.builtIn().packets.size(), "built-in reader, " + f.getFileName() + ": " + c.builtIn().problemText());
        for (int i = 0; i < expected; i++) {
            assertEquals(c.libpcap().packets.get(i).timestampNanos(), c.builtIn().packets.get(i).timestampNanos(),
                    f.getFileName() + " packet " + (i + 1) + " time");
        }
        assertTrue(c.builtIn().problems.stream().allMatch(CaptureProblem::isNote), c.builtIn().problemText());
        assertTrue(c.builtIn().problems.size() <= 2, "each oddity noted once per file, not per packet: " + c.builtIn().problemText());
        assertTrue(c.libpcap().problems.stream().allMatch(CaptureProblem::isNote), c.libpcap().problemText());
    }

    @Test
    void capturedLongerThanOriginal() throws Exception {
        assertSamePacketsAndTimes(pcap("caplen-gt-len.pcap", 65535,
                new long[][] {{T0, 1, 92, 76}, {T0, 2, 84, 68}, {T0 + 1, 3, 60, 60}}), 3);
    }

    /** Versions 2.0-2.2 store the original length first; libpcap swaps the fields back, and so does the reader. */
    @Test
    void oldVersionsWithTheLengthsTheOtherWayRound() throws Exception {
        long[][] records = {{T0, 1, 60, 1514}, {T0, 2, 98, 98}, {T0 + 1, 3, 40, 400}};
        assertSamePacketsAndLengths(pcap("v2.2.pcap", 2, 65535, records, true), records);
        assertSamePacketsAndLengths(pcap("v2.0.pcap", 0, 0, records, true), records);
        // 2.3: either order; the larger is the original length
        Path mixed = dir.resolve("v2.3.pcap");
        Files.write(mixed, concat(Files.readAllBytes(pcap("a.pcap", 3, 65535, new long[][] {records[0]}, true)),
                Arrays.copyOfRange(Files.readAllBytes(pcap("b.pcap", 3, 65535, new long[][] {records[1], records[2]}, false)),
                        24, 24 + 16 * 2 + 98 + 40)));
        assertSamePacketsAndLengths(mixed, records);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private void assertSamePacketsAndLengths(Path f, long[][] records) throws Exception {
        assertSamePacketsAndTimes(f, records.length);
        ReadAll builtIn = ReadAll.read(new PcapFileSource(f));
        for (int i = 0; i < records.length; i++) {
            assertEquals(records[i][2], builtIn.packets.get(i).bytes().length, f.getFileName() + " packet " + (i + 1) + " captured");
            assertEquals(records[i][3], builtIn.packets.get(i).originalLength(), f.getFileName() + " packet " + (i + 1) + " original");
        }
    }

    @Test
    void snaplenZero() throws Exception {
        assertSamePacketsAndTimes(pcap("snaplen0.pcap", 0, new long[][] {{T0, 1, 100, 100}, {T0, 2, 1500, 1500}}), 2);
    }

    @Test
    void snaplenSmallerThanTheRecords() throws Exception {
        assertSamePacketsAndTimes(pcap("snaplen-small.pcap", 64, new long[][] {{T0, 1, 100, 100}, {T0, 2, 1500, 1500},
            {T0, 3, 40, 40}}), 3);
    }

    @Test
    void recordMoreThan1024BytesOverTheSnaplen() throws Exception {
        assertSamePacketsAndTimes(pcap("snaplen-far.pcap", 100, new long[][] {{T0, 1, 60, 60}, {T0, 2, 4000, 4000},
            {T0, 3, 60, 60}}), 3);
    }

    @Test
    void timestampFractionOfASecondOrMoreAndSecondsAfter2038() throws Exception {
        Path f = pcap("fraction.pcap", 65535, new long[][] {{T0, 999_999, 60, 60}, {T0, 1_500_000, 60, 60},
            {T0, 4_000_000, 60, 60}, {0xFFFF_FFF0L, 5, 60, 60}});
        assertSamePacketsAndTimes(f, 4);
        ReadAll b = ReadAll.read(new PcapFileSource(f));
        assertEquals((T0 + 1) * 1_000_000_000L + 500_000_000L, b.packets.get(1).timestampNanos(), "fraction carried");
        assertEquals(0xFFFF_FFF0L * 1_000_000_000L + 5_000L, b.packets.get(3).timestampNanos(), "seconds read unsigned (2106)");
    }

    @Test
    void pcapngWithOddOptions() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        // section header with an unknown option (code 0x7ffe, 3 bytes padded to 4) and a comment
        int shb = b.position();
        b.putInt(0x0A0D0D0A).putInt(0).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L);
        b.putShort((short) 0x7ffe).putShort((short) 3).put(new byte[] {1, 2, 3, 0});
        b.putShort((short) 1).putShort((short) 5).put("hello".getBytes()).put(new byte[3]);
        b.putShort((short) 0).putShort((short) 0);
        closeBlock(b, shb);
        // interface: Ethernet, snaplen 0, options: if_name, tsresol 6, a custom option, no end-of-options
        int idb = b.position();
        b.putInt(1).putInt(0).putShort((short) 1).putShort((short) 0).putInt(0);
        b.putShort((short) 2).putShort((short) 3).put("lo0".getBytes()).put((byte) 0);
        b.putShort((short) 9).putShort((short) 1).put(new byte[] {6, 0, 0, 0});
        b.putShort((short) 2988).putShort((short) 6).put(new byte[] {0, 0, 0x7e, 0x2a, 9, 9}).put(new byte[2]);
        closeBlock(b, idb);
        for (int i = 0; i < 3; i++) {
            int epb = b.position();
            long micros = T0 * 1_000_000L + i;
            b.putInt(6).putInt(0).putInt(0).putInt((int) (micros >>> 32)).putInt((int) micros).putInt(62).putInt(60);
            for (int k = 0; k < 62; k++) {
                b.put((byte) k);
            }
            b.put(new byte[2]);
            // options: flags, a comment of odd length, an unknown code
            b.putShort((short) 2).putShort((short) 4).putInt(1);
            b.putShort((short) 1).putShort((short) 7).put("odd len".getBytes()).put((byte) 0);
            b.putShort((short) 0x1234).putShort((short) 0);
            b.putShort((short) 0).putShort((short) 0);
            closeBlock(b, epb);
        }
        Path f = dir.resolve("odd-options.pcapng");
        Files.write(f, java.util.Arrays.copyOf(b.array(), b.position()));
        assertSamePacketsAndTimes(f, 3);
    }

    @Test
    void pcapngTimestampBeyondTheYear2262IsNotedByBothReaders() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        int shb = b.position();
        b.putInt(0x0A0D0D0A).putInt(0).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L);
        closeBlock(b, shb);
        int idb = b.position();
        b.putInt(1).putInt(0).putShort((short) 1).putShort((short) 0).putInt(0);
        closeBlock(b, idb);
        for (long micros : new long[] {T0 * 1_000_000L, 0xFFFF_FFF0_0000_0000L, 0xFFFF_FFF0_0000_0001L}) {
            int epb = b.position();
            b.putInt(6).putInt(0).putInt(0).putInt((int) (micros >>> 32)).putInt((int) micros).putInt(60).putInt(60);
            b.put(new byte[60]);
            closeBlock(b, epb);
        }
        Path f = dir.resolve("far-future.pcapng");
        Files.write(f, java.util.Arrays.copyOf(b.array(), b.position()));
        Counts c = read(f);
        assertEquals(3, c.builtIn().packets.size());
        assertEquals(3, c.libpcap().packets.size());
        for (ReadAll r : List.of(c.builtIn(), c.libpcap())) {
            assertEquals(1, r.problems.size(), "noted once: " + r.problemText());
            assertTrue(r.problems.get(0).isNote() && r.problems.get(0).message().contains("2262"), r.problemText());
        }
    }

    /** Writes the block's total length at its start (offset 4) and end. */
    private static void closeBlock(ByteBuffer b, int start) {
        int len = b.position() - start + 4;
        b.putInt(start + 4, len);
        b.putInt(len);
    }
}
