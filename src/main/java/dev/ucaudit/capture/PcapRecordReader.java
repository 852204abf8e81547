package dev.ucaudit.capture;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the records of a classic pcap file after its 24-byte header. A record whose lengths are
 * impossible is reported and the reader resynchronises on the next plausible record header.
 */
final class PcapRecordReader {
    static final int HEADER_LENGTH = 24;
    static final int RECORD_HEADER = 16;
    /** Largest packet libpcap and Wireshark accept. */
    static final int MAX_CAPLEN = 262144;
    /** Some writers put a snaplen in the header that their records exceed a little. */
    static final int SNAPLEN_SLACK = 1024;
    private static final long ONE_DAY = 86_400;

    private final String name;
    private final boolean bigEndian;
    private final boolean nanos;
    private final int linkType;
    private final int maxCaplen;
    private final AtomicBoolean stopped;
    private final RawPacket packet = new RawPacket();
    private long lastGoodSeconds = Long.MIN_VALUE;
    private long number;

    PcapRecordReader(String name, boolean bigEndian, boolean nanos, int linkType, long snaplen, AtomicBoolean stopped) {
        this.name = name;
        this.bigEndian = bigEndian;
        this.nanos = nanos;
        this.linkType = linkType;
        this.maxCaplen = snaplen <= 0 || snaplen >= MAX_CAPLEN ? MAX_CAPLEN : (int) snaplen + SNAPLEN_SLACK;
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
                    problem(sink, number + 1, "truncated", "record " + (number + 1) + " is cut short: its "
                            + RECORD_HEADER + "-byte record header is incomplete, file ends after " + left + " bytes");
                    in.advance(left);
                }
                return;
            }
            byte[] b = in.buffer();
            int p = in.position();
            long seconds = Bytes.u32(b, p, bigEndian);
            long fraction = Bytes.u32(b, p + 4, bigEndian);
            long caplen = Bytes.u32(b, p + 8, bigEndian);
            long origlen = Bytes.u32(b, p + 12, bigEndian);
            number++;
            String impossible = impossible(caplen, origlen);
            if (impossible != null) {
                long at = in.streamOffset();
                problem(sink, number, "corrupt-record", "record " + number + " (at byte " + at + ") " + impossible
                        + "; looking for the next plausible record");
                resync(in, sink);
                continue;
            }
            int len = (int) caplen;
            if (!in.ensure(RECORD_HEADER + len)) {
                int have = in.buffered() - RECORD_HEADER;
                problem(sink, number, "truncated", "record " + number + " is cut short: header says " + len
                        + " bytes, file ends after " + have);
                in.advance(in.buffered());
                return;
            }
            long limit = nanos ? 1_000_000_000L : 1_000_000L;
            if (fraction >= limit) {
                problem(sink, number, "bad-timestamp", "record " + number + " has a timestamp fraction of " + fraction
                        + (nanos ? " ns" : " µs") + ", more than a second; the packet is kept with that fraction dropped");
                fraction = 0;
            }
            lastGoodSeconds = seconds;
            long ts = seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1000L);
            b = in.buffer();
            p = in.position();
            sink.packet(packet.set(name, number, ts, linkType, b, p + RECORD_HEADER, len,
                    (int) Math.min(Math.max(origlen, caplen), Integer.MAX_VALUE)));
            in.advance(RECORD_HEADER + len);
        }
    }

    private String impossible(long caplen, long origlen) {
        if (caplen > MAX_CAPLEN) {
            return "says it holds " + caplen + " bytes, more than the " + MAX_CAPLEN + " any capture tool writes";
        }
        if (caplen > maxCaplen) {
            return "says it holds " + caplen + " bytes, more than the file's snapshot length allows ("
                    + (maxCaplen - SNAPLEN_SLACK) + ")";
        }
        if (caplen > origlen) {
            return "says it holds " + caplen + " bytes of a packet that was only " + origlen + " bytes long";
        }
        return null;
    }

    /** Scans forward one byte at a time for a plausible record header and reports what it skipped. */
    private void resync(CaptureInput in, PacketSink sink) throws IOException {
        long start = in.streamOffset();
        in.advance(1);
        while (in.ensure(RECORD_HEADER)) {
            if (plausibleAt(in, 0, lastGoodSeconds)) {
                long caplen = Bytes.u32(in.buffer(), in.position() + 8, bigEndian);
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
                    problem(sink, number, "resync", "skipped " + skipped + " bytes after record " + number
                            + " to reach the next plausible record (at byte " + in.streamOffset() + ")");
                    return;
                }
            }
            in.advance(1);
        }
        long skipped = in.streamOffset() - start + in.skipToEnd();
        problem(sink, number, "resync", "no plausible record follows record " + number + "; the remaining "
                + skipped + " bytes of the file were skipped");
    }

    private boolean plausibleAt(CaptureInput in, int rel, long referenceSeconds) {
        byte[] b = in.buffer();
        int p = in.position() + rel;
        long seconds = Bytes.u32(b, p, bigEndian);
        long fraction = Bytes.u32(b, p + 4, bigEndian);
        long caplen = Bytes.u32(b, p + 8, bigEndian);
        long origlen = Bytes.u32(b, p + 12, bigEndian);
        if (referenceSeconds != Long.MIN_VALUE && Math.abs(seconds - referenceSeconds) > ONE_DAY) {
            return false;
        }
        if (fraction >= (nanos ? 1_000_000_000L : 1_000_000L)) {
            return false;
        }
        return origlen > 0 && caplen <= maxCaplen && caplen <= origlen && origlen <= MAX_CAPLEN;
    }

    private void problem(PacketSink sink, long record, String kind, String message) {
        sink.problem(new CaptureProblem(name, record, kind, message, false));
    }
}
