package dev.ucaudit.capture;

import java.util.HashSet;
import java.util.Set;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.CaptureProblem.Kind;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.packet.RawPacket;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the records of a classic pcap file after its 24-byte header. It accepts every record libpcap
 * accepts (a record storing more bytes than its original length or than the header's snapshot length,
 * a snapshot length of 0, a timestamp fraction of a second or more), noting each such oddity once per
 * file. A record whose length is impossible (more than libpcap's maximum) is reported and the reader
 * resynchronises on the next plausible record header.
 */
final class PcapRecordReader {
    static final int HEADER_LENGTH = 24;
    static final int RECORD_HEADER = 16;
    /** Largest packet libpcap and Wireshark accept. */
    static final int MAX_CAPLEN = 262144;
    /** Resynchronising accepts a record header storing at most this many bytes more than its original length. */
    private static final int RESYNC_CAPLEN_SLACK = 64;
    private static final long ONE_DAY = 86_400;

    private final String name;
    private final boolean bigEndian;
    private final boolean nanos;
    private final int linkType;
    private final long snaplen;
    private final LengthOrder lengthOrder;
    private final Set<String> noted = new HashSet<>();
    private final AtomicBoolean stopped;
    private final RawPacket packet = new RawPacket();
    private long lastGoodSeconds = Long.MIN_VALUE;
    private long number;

    /**
     * Where a record header keeps its captured and original lengths. Version 2.3 swapped the two
     * fields; libpcap reads older files (2.0-2.2, and DG/UX's 543.0) the other way round, and a 2.3
     * file either way, taking the smaller as the captured length.
     */
    enum LengthOrder {
        CURRENT, SWAPPED, MAYBE_SWAPPED;

        /** The order libpcap assumes for a file header's version. */
        static LengthOrder of(int major, int minor) {
            if (major == 543 || major == 2 && minor < 3) {
                return SWAPPED;
            }
            return major == 2 && minor == 3 ? MAYBE_SWAPPED : CURRENT;
        }
    }

    PcapRecordReader(String name, boolean bigEndian, boolean nanos, int linkType, long snaplen, AtomicBoolean stopped) {
        this(name, bigEndian, nanos, linkType, snaplen, LengthOrder.CURRENT, stopped);
    }

    PcapRecordReader(String name, boolean bigEndian, boolean nanos, int linkType, long snaplen, LengthOrder lengthOrder,
            AtomicBoolean stopped) {
        this.lengthOrder = lengthOrder;
        this.name = name;
        this.bigEndian = bigEndian;
        this.nanos = nanos;
        this.linkType = linkType;
        this.snaplen = snaplen;
        this.stopped = stopped;
    }

    /** The link type stored in a header field: the upper bits carry FCS information, not the type. */
    static int linkTypeOf(long field) {
        return (int) (field & 0x03FF_FFFFL);
    }

    void read(CaptureInput in, PacketSink sink) throws IOException {
        while (!stopped.get()) {
            if (!in.ensure(RECORD_HEADER)) {
                int left = in.buffered();
                if (left > 0) {
                    problem(sink, number + 1, Kind.TRUNCATED, "record " + (number + 1) + " is cut short: its "
                            + RECORD_HEADER + "-byte record header is incomplete, file ends after " + left + " bytes");
                    in.advance(left);
                }
                return;
            }
            byte[] b = in.buffer();
            int p = in.position();
            long seconds = Bytes.u32(b, p, bigEndian);
            long fraction = Bytes.u32(b, p + 4, bigEndian);
            long caplen = capturedLength(b, p);
            long origlen = originalLength(b, p);
            number++;
            String impossible = caplen > MAX_CAPLEN ? "says it holds " + caplen + " bytes, more than the "
                    + MAX_CAPLEN + " libpcap reads" : null;
            if (impossible != null) {
                long at = in.streamOffset();
                problem(sink, number, Kind.CORRUPT_RECORD, "record " + number + " (at byte " + at + ") " + impossible
                        + "; looking for the next plausible record");
                resync(in, sink);
                continue;
            }
            int len = (int) caplen;
            if (!in.ensure(RECORD_HEADER + len)) {
                int have = in.buffered() - RECORD_HEADER;
                problem(sink, number, Kind.TRUNCATED, "record " + number + " is cut short: header says " + len
                        + " bytes, file ends after " + have);
                in.advance(in.buffered());
                return;
            }
            noteOddities(sink, caplen, origlen, fraction);
            lastGoodSeconds = seconds;
            long ts = seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1000L);
            b = in.buffer();
            p = in.position();
            sink.packet(packet.set(name, number, ts, linkType, b, p + RECORD_HEADER, len,
                    (int) Math.min(Math.max(origlen, caplen), Integer.MAX_VALUE)));
            in.advance(RECORD_HEADER + len);
        }
    }

    /** The captured length of the record header at {@code p}, in the file's {@link LengthOrder}. */
    private long capturedLength(byte[] b, int p) {
        long first = Bytes.u32(b, p + 8, bigEndian);
        long second = Bytes.u32(b, p + 12, bigEndian);
        return swapped(first, second) ? second : first;
    }

    /** The original length of the record header at {@code p}, in the file's {@link LengthOrder}. */
    private long originalLength(byte[] b, int p) {
        long first = Bytes.u32(b, p + 8, bigEndian);
        long second = Bytes.u32(b, p + 12, bigEndian);
        return swapped(first, second) ? first : second;
    }

    private boolean swapped(long first, long second) {
        return lengthOrder == LengthOrder.SWAPPED || lengthOrder == LengthOrder.MAYBE_SWAPPED && first > second;
    }

    /** Oddities libpcap reads past: each is noted once per file, with the first record showing it. */
    private void noteOddities(PacketSink sink, long caplen, long origlen, long fraction) {
        if (caplen > origlen) {
            note(sink, "caplen>len", "record " + number + " (and maybe others) stores " + caplen
                    + " bytes of a packet said to be only " + origlen + " bytes long; read as stored, as libpcap does");
        }
        if (snaplen == 0) {
            note(sink, "snaplen0", "the pcap header gives a snapshot length of 0; records are read as stored, as libpcap does");
        } else if (caplen > snaplen) {
            note(sink, "caplen>snaplen", "record " + number + " (and maybe others) stores " + caplen
                    + " bytes, more than the header's snapshot length " + snaplen + "; read in full");
        }
        if (fraction >= (nanos ? 1_000_000_000L : 1_000_000L)) {
            note(sink, "fraction", "record " + number + " (and maybe others) has a timestamp fraction of " + fraction
                    + (nanos ? " ns" : " µs") + ", a second or more; the excess is carried into the seconds, as libpcap does");
        }
    }

    private void note(PacketSink sink, String what, String message) {
        if (noted.add(what)) {
            sink.problem(CaptureProblem.note(name, message));
        }
    }

    /** Scans forward one byte at a time for a plausible record header and reports what it skipped. */
    private void resync(CaptureInput in, PacketSink sink) throws IOException {
        long start = in.streamOffset();
        in.advance(1);
        while (in.ensure(RECORD_HEADER)) {
            if (plausibleAt(in, 0, lastGoodSeconds)) {
                long caplen = capturedLength(in.buffer(), in.position());
                int next = RECORD_HEADER + (int) caplen;
                boolean nextOk;
                if (!in.ensure(next + RECORD_HEADER)) {
                    nextOk = in.buffered() == next; // this record ends exactly at the end of the file
                } else {
                    long sec = Bytes.u32(in.buffer(), in.position(), bigEndian);
                    nextOk = plausibleAt(in, next, sec);
                }
                if (nextOk) {
                    long skipped = in.streamOffset() - start;
                    problem(sink, number, Kind.RESYNC, "skipped " + skipped + " bytes after record " + number
                            + " to reach the next plausible record (at byte " + in.streamOffset() + ")");
                    return;
                }
            }
            in.advance(1);
        }
        long skipped = in.streamOffset() - start + in.skipToEnd();
        problem(sink, number, Kind.RESYNC, "no plausible record follows record " + number + "; the remaining "
                + skipped + " bytes of the file were skipped");
    }

    private boolean plausibleAt(CaptureInput in, int rel, long referenceSeconds) {
        byte[] b = in.buffer();
        int p = in.position() + rel;
        long seconds = Bytes.u32(b, p, bigEndian);
        long fraction = Bytes.u32(b, p + 4, bigEndian);
        long caplen = capturedLength(b, p);
        long origlen = originalLength(b, p);
        if (referenceSeconds != Long.MIN_VALUE && Math.abs(seconds - referenceSeconds) > ONE_DAY) {
            return false;
        }
        if (fraction >= (nanos ? 1_000_000_000L : 1_000_000L)) {
            return false;
        }
        return origlen > 0 && caplen <= MAX_CAPLEN && caplen <= origlen + RESYNC_CAPLEN_SLACK && origlen <= MAX_CAPLEN;
    }

    private void problem(PacketSink sink, long record, Kind kind, String message) {
        sink.problem(new CaptureProblem(name, record, kind, message, false));
    }
}
