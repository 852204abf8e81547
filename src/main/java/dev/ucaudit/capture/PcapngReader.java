package dev.ucaudit.capture;

import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.CaptureProblem.Kind;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.packet.RawPacket;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the blocks of a pcapng file: sections in either byte order, interface descriptions,
 * enhanced, simple and obsolete packet blocks. Every other block type is skipped by its length.
 * A block whose length is wrong is reported and the reader resynchronises on the next plausible
 * block.
 */
final class PcapngReader {
    static final int SHB = 0x0A0D0D0A;
    static final int IDB = 1;
    static final int OBSOLETE_PACKET = 2;
    static final int SPB = 3;
    static final int EPB = 6;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    /** Blocks larger than this are taken for corruption. */
    static final int MAX_BLOCK = 16 << 20;
    private static final int[] KNOWN_TYPES = {SHB, IDB, OBSOLETE_PACKET, SPB, 4, 5, EPB, 7, 8, 9, 10,
        0x00000BAD, 0x40000BAD};

    private final String name;
    private final AtomicBoolean stopped;
    private final RawPacket packet = new RawPacket();
    private final PcapngInterfaces interfaces = new PcapngInterfaces();
    private boolean bigEndian;
    private boolean skippingSection;
    private int section;
    private long number;
    private long lastTimestamp;
    /** Interface descriptions of this section beyond {@link PcapngInterfaces#MAX_INTERFACES}. */
    private long ignoredInterfaces;
    private boolean timestampWrapNoted;

    PcapngReader(String name, AtomicBoolean stopped) {
        this.name = name;
        this.stopped = stopped;
    }

    void read(CaptureInput in, PacketSink sink) throws IOException {
        while (!stopped.get()) {
            if (!in.ensure(12)) {
                int left = in.buffered();
                if (left > 0) {
                    problem(sink, 0, Kind.TRUNCATED, "the block at byte " + in.streamOffset()
                            + " is cut short: the file ends " + left + " bytes into its header");
                    in.advance(left);
                }
                return;
            }
            byte[] b = in.buffer();
            int p = in.position();
            int type = Bytes.i32(b, p, bigEndian);
            if (type == SHB) {
                int bom = Bytes.i32(b, p + 8, true);
                if (bom == BYTE_ORDER_MAGIC) {
                    bigEndian = true;
                } else if (Integer.reverseBytes(bom) == BYTE_ORDER_MAGIC) {
                    bigEndian = false;
                } else {
                    problem(sink, 0, Kind.BAD_BLOCK, "the section header at byte " + in.streamOffset()
                            + " has no valid byte-order magic (" + Bytes.hex(b, p + 8, 4) + ")");
                    resync(in, sink);
                    continue;
                }
            }
            long length = Bytes.u32(b, p + 4, bigEndian);
            if (length < 12 || length % 4 != 0 || length > MAX_BLOCK) {
                problem(sink, countIfPacket(type), Kind.BAD_BLOCK, recordName(type) + " at byte " + in.streamOffset()
                        + " (type " + typeName(type) + ") has an impossible length of " + length + " bytes");
                resync(in, sink);
                continue;
            }
            int len = (int) length;
            if (!in.ensure(len)) {
                int have = in.buffered();
                if (isPacket(type) && !skippingSection) {
                    number++;
                    problem(sink, number, Kind.TRUNCATED, "record " + number + " is cut short: header says " + len
                            + " bytes, file ends after " + have);
                } else {
                    problem(sink, 0, Kind.TRUNCATED, "the " + typeName(type) + " block at byte " + in.streamOffset()
                            + " is cut short: header says " + len + " bytes, file ends after " + have);
                }
                in.advance(have);
                return;
            }
            b = in.buffer();
            p = in.position();
            long trailer = Bytes.u32(b, p + len - 4, bigEndian);
            if (trailer != length) {
                problem(sink, countIfPacket(type), Kind.BAD_BLOCK, recordName(type) + " at byte " + in.streamOffset()
                        + " (" + typeName(type) + " block) starts with length " + length + " but ends with length "
                        + trailer);
                resync(in, sink);
                continue;
            }
            block(type, b, p, len, sink);
            in.advance(len);
        }
    }

    private void block(int type, byte[] b, int p, int len, PacketSink sink) {
        if (type == SHB) {
            sectionHeader(b, p, len, sink);
            return;
        }
        if (skippingSection) {
            if (isPacket(type)) {
                number++;
            }
            return;
        }
        switch (type) {
            case IDB -> interfaceDescription(b, p, len, sink);
            case EPB -> packetBlock(b, p, len, sink, Bytes.i32(b, p + 8, bigEndian) & 0xffffffffL, 12);
            case OBSOLETE_PACKET -> packetBlock(b, p, len, sink, Bytes.u16(b, p + 8, bigEndian), 12);
            case SPB -> simplePacket(b, p, len, sink);
            default -> {
                // name resolution, statistics, custom and unknown blocks carry no packets
            }
        }
    }

    private void sectionHeader(byte[] b, int p, int len, PacketSink sink) {
        section++;
        interfaces.clear();
        ignoredInterfaces = 0;
        if (len < 28) {
            problem(sink, 0, Kind.BAD_BLOCK, "section " + section + " has a header block of only " + len
                    + " bytes; its blocks are skipped");
            skippingSection = true;
            return;
        }
        int major = Bytes.u16(b, p + 12, bigEndian);
        int minor = Bytes.u16(b, p + 14, bigEndian);
        skippingSection = major != 1;
        if (skippingSection) {
            problem(sink, 0, Kind.UNSUPPORTED_SECTION, "section " + section + " declares pcapng version " + major + "."
                    + minor + ", which this reader does not know; its blocks are skipped");
        }
    }

    private void interfaceDescription(byte[] b, int p, int len, PacketSink sink) {
        if (interfaces.full()) {
            if (ignoredInterfaces++ == 0) {
                problem(sink, 0, Kind.TOO_MANY_INTERFACES, "section " + section + " declares more than "
                        + PcapngInterfaces.MAX_INTERFACES + " interfaces; the further ones are ignored and their packets skipped");
            }
            return;
        }
        if (len < 20) {
            problem(sink, 0, Kind.BAD_BLOCK, "interface " + interfaces.count() + " of section " + section
                    + " has a description block of only " + len + " bytes; it is taken as Ethernet");
            interfaces.add(1, 0);
            return;
        }
        int id = interfaces.add(Bytes.u16(b, p + 8, bigEndian), Bytes.u32(b, p + 12, bigEndian));
        int o = p + 16;
        int end = p + len - 4;
        while (o + 4 <= end) {
            int code = Bytes.u16(b, o, bigEndian);
            int olen = Bytes.u16(b, o + 2, bigEndian);
            if (code == 0 || o + 4 + olen > end) {
                break;
            }
            if (code == 9 && olen >= 1) {
                if (!interfaces.setResolution(id, b[o + 4] & 0xff)) {
                    problem(sink, 0, Kind.BAD_BLOCK, "interface " + id + " of section " + section
                            + " declares an impossible timestamp resolution (" + (b[o + 4] & 0xff)
                            + "); microseconds are assumed");
                }
            } else if (code == 14 && olen == 8) {
                long hi = Bytes.u32(b, o + 4, bigEndian);
                long lo = Bytes.u32(b, o + 8, bigEndian);
                interfaces.setOffsetSeconds(id, bigEndian ? hi << 32 | lo : lo << 32 | hi);
            }
            o += 4 + ((olen + 3) & ~3);
        }
    }

    /** Enhanced (type 6) and obsolete (type 2) packet blocks share the layout after the interface id. */
    private void packetBlock(byte[] b, int p, int len, PacketSink sink, long interfaceId, int tsAt) {
        number++;
        if (len < 32) {
            problem(sink, number, Kind.BAD_BLOCK, "record " + number + " is a packet block of only " + len
                    + " bytes, too short for its fixed fields; skipped");
            return;
        }
        long caplen = Bytes.u32(b, p + 20, bigEndian);
        long origlen = Bytes.u32(b, p + 24, bigEndian);
        if (caplen > len - 32) {
            problem(sink, number, Kind.CORRUPT_RECORD, "record " + number + " says it holds " + caplen
                    + " bytes, but its block has room for only " + (len - 32) + "; skipped");
            return;
        }
        if (caplen > PcapRecordReader.MAX_CAPLEN) {
            problem(sink, number, Kind.CORRUPT_RECORD, "record " + number + " says it holds " + caplen
                    + " bytes, more than the " + PcapRecordReader.MAX_CAPLEN + " any capture tool writes; skipped");
            return;
        }
        if (interfaceId >= interfaces.count()) {
            problem(sink, number, Kind.UNKNOWN_INTERFACE, "record " + number + " is for interface " + interfaceId
                    + ", but section " + section + " declares only " + interfaces.count()
                    + " interface(s); skipped");
            return;
        }
        int id = (int) interfaceId;
        long units = Bytes.u32(b, p + tsAt, bigEndian) << 32 | Bytes.u32(b, p + tsAt + 4, bigEndian);
        if (!timestampWrapNoted && interfaces.beyondNanos(id, units)) {
            timestampWrapNoted = true;
            sink.problem(CaptureProblem.note(name, "record " + number + " (and maybe others) has a timestamp beyond the year"
                    + " 2262, which cannot be represented; its time is wrong in the report"));
        }
        lastTimestamp = interfaces.toNanos(id, units);
        sink.packet(packet.set(name, number, lastTimestamp, interfaces.linkType(id), b, p + 28, (int) caplen,
                (int) Math.min(Math.max(caplen, origlen), Integer.MAX_VALUE)));
    }

    /** A Simple Packet Block has no timestamp: it gets the previous packet's time. */
    private void simplePacket(byte[] b, int p, int len, PacketSink sink) {
        number++;
        if (len < 16) {
            problem(sink, number, Kind.BAD_BLOCK, "record " + number + " is a simple packet block of only " + len
                    + " bytes; skipped");
            return;
        }
        if (interfaces.count() == 0) {
            problem(sink, number, Kind.UNKNOWN_INTERFACE, "record " + number + " is a simple packet block, but section "
                    + section + " declares no interface; skipped");
            return;
        }
        long origlen = Bytes.u32(b, p + 8, bigEndian);
        long caplen = Math.min(origlen, len - 16);
        long snap = interfaces.snaplen(0);
        if (snap > 0) {
            caplen = Math.min(caplen, snap);
        }
        sink.packet(packet.set(name, number, lastTimestamp, interfaces.linkType(0), b, p + 12, (int) caplen,
                (int) Math.min(origlen, Integer.MAX_VALUE)));
    }

    private void resync(CaptureInput in, PacketSink sink) throws IOException {
        long start = in.streamOffset();
        in.advance(1);
        while (in.ensure(12)) {
            if (plausibleBlock(in)) {
                problem(sink, 0, Kind.RESYNC, "skipped " + (in.streamOffset() - start)
                        + " bytes to reach the next plausible block (at byte " + in.streamOffset() + ")");
                return;
            }
            in.advance(1);
        }
        long skipped = in.streamOffset() - start + in.skipToEnd();
        problem(sink, 0, Kind.RESYNC, "no plausible block follows; the remaining " + skipped
                + " bytes of the file were skipped");
    }

    private boolean plausibleBlock(CaptureInput in) throws IOException {
        byte[] b = in.buffer();
        int p = in.position();
        boolean be = bigEndian;
        int type = Bytes.i32(b, p, be);
        if (type == SHB) {
            int bom = Bytes.i32(b, p + 8, true);
            if (bom == BYTE_ORDER_MAGIC) {
                be = true;
            } else if (Integer.reverseBytes(bom) == BYTE_ORDER_MAGIC) {
                be = false;
            } else {
                return false;
            }
        } else if (!known(type)) {
            return false;
        }
        long length = Bytes.u32(b, p + 4, be);
        if (length < 12 || length % 4 != 0 || length > MAX_BLOCK || !in.ensure((int) length)) {
            return false;
        }
        b = in.buffer();
        p = in.position();
        if (Bytes.u32(b, p + (int) length - 4, be) != length) {
            return false;
        }
        if (type == SHB) {
            bigEndian = be;
        }
        return true;
    }

    /** A damaged packet block still takes its number, so later packets keep theirs. */
    private long countIfPacket(int type) {
        if (isPacket(type) && !skippingSection) {
            return ++number;
        }
        return 0;
    }

    private String recordName(int type) {
        return isPacket(type) && !skippingSection ? "record " + number : "the block";
    }

    private static boolean known(int type) {
        for (int t : KNOWN_TYPES) {
            if (t == type) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPacket(int type) {
        return type == EPB || type == SPB || type == OBSOLETE_PACKET;
    }

    private static String typeName(int type) {
        return switch (type) {
            case SHB -> "section header";
            case IDB -> "interface description";
            case EPB -> "enhanced packet";
            case SPB -> "simple packet";
            case OBSOLETE_PACKET -> "packet";
            default -> String.format("0x%08x", type);
        };
    }

    private void problem(PacketSink sink, long record, Kind kind, String message) {
        sink.problem(new CaptureProblem(name, record, kind, message, false));
    }
}
