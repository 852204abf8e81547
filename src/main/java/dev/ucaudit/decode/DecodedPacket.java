package dev.ucaudit.decode;

/**
 * The fields of one packet that the audit needs, decoded in place from a {@link
 * dev.ucaudit.packet.RawPacket}. Mutable and reused: one instance per decoding thread.
 */
public final class DecodedPacket {
    /** 4 or 6. */
    public int ipVersion;
    /** Addresses: 4 bytes used for IPv4, 16 for IPv6. */
    public final byte[] src = new byte[16];
    public final byte[] dst = new byte[16];
    /** IP protocol number of the transport (after IPv6 extension headers). */
    public int protocol;
    /** Ports, or -1 when the protocol has none or this is a non-first fragment. */
    public int srcPort = -1;
    public int dstPort = -1;
    /** TCP flags byte (FIN=1, SYN=2, RST=4, PSH=8, ACK=16, URG=32, ECE=64, CWR=128); 0 otherwise. */
    public int tcpFlags;
    public long tcpSeq;
    public long tcpAck;
    /** Length of the IP packet as the IP header says (header included). */
    public int ipLength;
    /** Transport payload (after the TCP/UDP header) inside the raw packet's buffer; clipped to what was captured. */
    public int payloadOffset;
    public int payloadLength;
    /** Payload length the headers announce (may exceed payloadLength when the snaplen cut it). */
    public int payloadWireLength;
    /** IP fragmentation: true when this packet is a fragment (MF set or offset non-zero). */
    public boolean fragment;
    /** Fragment offset in bytes; 0 for the first fragment. */
    public int fragmentOffset;
    public boolean moreFragments;
    /** IPv4 identification or IPv6 fragment-header identification. */
    public long fragmentId;
    /**
     * True for a packet replayed from a partial audit without its payload bytes: {@link #payloadLength}
     * says how long the payload was, but the buffer does not hold it (see engine/PartialRecorder).
     */
    public boolean payloadAbsent;
    /** Outermost VLAN id, or -1. */
    public int vlan;
    /**
     * True when the snapshot length cut the packet before the end its headers announce: not malformed,
     * but the transport header or payload is incomplete (ports stay -1 when the header itself was cut).
     */
    public boolean truncated;
    /** Most tunnels one packet may be nested in; a deeper packet is not decodable. */
    public static final int MAX_TUNNEL_DEPTH = 4;
    /** How many tunnels were opened to reach this packet (0: not tunnelled). */
    public int tunnelDepth;
    /** True when the outermost tunnel is monitoring transport by its type (ERSPAN: a switch mirroring to the sensor). */
    public boolean tunnelIsMirror() {
        TunnelType t = tunnels[0];
        return tunnelDepth > 0 && (t == TunnelType.ERSPAN_I || t == TunnelType.ERSPAN_II || t == TunnelType.ERSPAN_III);
    }

    /** The tunnels, outermost first ({@link #tunnelDepth} used). */
    public final TunnelType[] tunnels = new TunnelType[MAX_TUNNEL_DEPTH];
    /** The outermost tunnel's endpoints as the wire carries them (4 bytes used for IPv4, 16 for IPv6). */
    public int tunnelIpVersion;
    public final byte[] tunnelSrc = new byte[16];
    public final byte[] tunnelDst = new byte[16];
    /** The outermost tunnel's own IP protocol (47 GRE, 4 and 41 IP in IP, 17 VXLAN) and ports (-1 without). */
    public int tunnelProtocol;
    public int tunnelSrcPort = -1;
    public int tunnelDstPort = -1;

    public int addressLength() {
        return ipVersion == 6 ? 16 : 4;
    }

    public void reset() {
        tunnelDepth = 0;
        tunnelIpVersion = 0;
        clearNetwork();
        vlan = -1;
    }

    /**
     * Steps into a tunnel: remembers it (and, for the outermost, its endpoints), then forgets the
     * outer packet's network and transport fields; the VLAN of the outer frame is kept.
     */
    void enterTunnel(TunnelType type) {
        if (tunnelDepth == 0) {
            tunnelIpVersion = ipVersion;
            System.arraycopy(src, 0, tunnelSrc, 0, 16);
            System.arraycopy(dst, 0, tunnelDst, 0, 16);
            tunnelProtocol = protocol;
            tunnelSrcPort = srcPort;
            tunnelDstPort = dstPort;
        }
        tunnels[tunnelDepth++] = type;
        clearNetwork();
    }

    private void clearNetwork() {
        ipVersion = 0;
        protocol = 0;
        srcPort = -1;
        dstPort = -1;
        tcpFlags = 0;
        tcpSeq = 0;
        tcpAck = 0;
        ipLength = 0;
        payloadOffset = 0;
        payloadLength = 0;
        payloadWireLength = 0;
        fragment = false;
        fragmentOffset = 0;
        moreFragments = false;
        fragmentId = 0;
        truncated = false;
        payloadAbsent = false;
    }
}
