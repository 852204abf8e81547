package dev.ucaudit.packet;

/**
 * One captured frame as a packet source hands it on: a mutable view over a buffer that the
 * source reuses for the next packet. Consumers must copy what they keep.
 */
public final class RawPacket {
    /** The file or interface the packet came from, as the user named it. */
    public String sourceName;
    /** 1-based number of the packet (record) within its source, as Wireshark numbers frames. */
    public long number;
    /** Capture time in nanoseconds since the Unix epoch. */
    public long timestampNanos;
    /** libpcap DLT / LINKTYPE value of this packet's interface. */
    public int linkType;
    /** Buffer holding the captured bytes at {@code offset .. offset+length}. */
    public byte[] data;
    public int offset;
    /** Captured length. */
    public int length;
    /** Length on the wire (may exceed {@code length} when the snaplen cut the frame). */
    public int originalLength;

    public RawPacket set(String sourceName, long number, long timestampNanos, int linkType,
                         byte[] data, int offset, int length, int originalLength) {
        this.sourceName = sourceName;
        this.number = number;
        this.timestampNanos = timestampNanos;
        this.linkType = linkType;
        this.data = data;
        this.offset = offset;
        this.length = length;
        this.originalLength = originalLength;
        return this;
    }
}
