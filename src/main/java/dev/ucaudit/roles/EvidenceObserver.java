package dev.ucaudit.roles;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.decode.DecodedPacket;
import dev.ucaudit.inventory.IpAddress;
import dev.ucaudit.packet.RawPacket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what hosts say about their roles into an {@link EvidenceTable}: the audit hands it each IP
 * packet with its flow's packet count (only a flow's first {@link #FIRST_PACKETS} packets are read:
 * registrations, requests and answers come first, and a split audit keeps those payloads) and each
 * frame that is not IP (CDP, LLDP). It picks the decoder by port (SCCP 2000/tcp, SIP 5060, MGCP
 * 2427/2727, RAS 1719/udp, TFTP 69/udp, DHCP 67-68/udp, Q.931 1720/tcp, answers from CTIQBE
 * 2748/tcp, LDAP 389 and 3268/tcp, NTP 123/udp, answers from DNS 53) or by a SIP start line on any
 * port. Its own state is a bounded table of TFTP reads waiting for their first answer.
 */
public final class EvidenceObserver {
    /** Packets of a flow read from its start. */
    public static final int FIRST_PACKETS = 12;
    private static final int MAX_PENDING_READS = 4096;
    private static final int EN10MB = 1;
    private final List<Claim> claims = new ArrayList<>(8);
    private final List<Link> links = new ArrayList<>(2);
    private final String[] file = new String[1];
    /** TFTP reads of phone files: "client address|port" to (server, file), oldest dropped first. */
    private final Map<String, String[]> pendingReads = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String[]> eldest) {
            return size() > MAX_PENDING_READS;
        }
    };

    /** An IP packet, the {@code flowPacket}th of its flow. */
    public void ip(DecodedPacket d, RawPacket raw, long flowPacket, EvidenceTable into) {
        if (flowPacket > FIRST_PACKETS || d.payloadLength <= 0 || d.payloadAbsent || d.fragment || raw.data == null
                || d.protocol != IpProtocol.TCP.number() && d.protocol != IpProtocol.UDP.number()) {
            return;
        }
        byte[] b = raw.data;
        int off = d.payloadOffset;
        int len = Math.min(d.payloadLength, b.length - off);
        if (len <= 0) {
            return;
        }
        claims.clear();
        links.clear();
        boolean udp = d.protocol == IpProtocol.UDP.number();
        int sp = d.srcPort;
        int dp = d.dstPort;
        if (!udp && (sp == 2000 || dp == 2000)) {
            SccpClaims.read(b, off, len, claims);
        } else if (udp && (dp == 2427 || dp == 2727 || sp == 2427 || sp == 2727)) {
            MgcpClaims.read(b, off, len, claims);
        } else if (udp && (dp == 1719 || sp == 1719)) {
            RasClaims.read(b, off, len, claims);
        } else if (udp && (sp == 67 || sp == 68) && (dp == 67 || dp == 68)) {
            DhcpClaims.read(b, off, len, claims);
        } else if (udp && dp == 69) {
            file[0] = null;
            if (TftpClaims.read(b, off, len, claims, file) == Scan.DETECTED && file[0] != null) {
                pendingReads.put(key(d.src, d.addressLength(), sp), new String[] {addressText(d.dst, d.addressLength()), file[0]});
            }
        } else if (udp && !pendingReads.isEmpty() && TftpClaims.isFirstData(b, off, len)) {
            String[] read = pendingReads.get(key(d.dst, d.addressLength(), dp));
            if (read != null && read[0].equals(addressText(d.src, d.addressLength()))) {
                pendingReads.remove(key(d.dst, d.addressLength(), dp));
                claims.add(Claim.source("cucm", "serves " + SipClaims.shorten(read[1]) + " by TFTP (TFTP server)", Strength.STRONG));
            }
        } else if (!udp && (sp == 1720 || dp == 1720)) {
            CallLinks.q931(b, off, len, links);
        } else if (!udp && sp == 2748) {
            CallLinks.ctiqbeAnswer(b, off, len, links);
        } else if (!udp && (sp == 389 || dp == 389 || sp == 3268 || dp == 3268)) {
            LdapLinks.read(b, off, len, links);
        } else if (udp && (sp == 123 || dp == 123)) {
            ServiceLinks.ntp(b, off, len, links);
        } else if (sp == 53) {
            ServiceLinks.dns(b, off, len, !udp, links);
        } else if (sp == 5060 || dp == 5060 || startsLikeSip(b, off, len)) {
            SipClaims.read(b, off, len, claims);
        }
        if (!claims.isEmpty()) {
            record(d, raw, into);
        }
        if (!links.isEmpty()) {
            link(d, raw, into);
        }
    }

    /**
     * Whether {@link #ip} may read this TCP or UDP payload among a flow's first packets, whatever it saw before
     * (the ports and shapes it reads, as its branches test them; a TFTP first data block on any port): a partial
     * audit keeps those whole. Keep in step with {@link #ip}.
     */
    public static boolean mayRead(DecodedPacket d, byte[] b, int off, int payloadLength) {
        int len = Math.min(payloadLength, b.length - off);
        if (len <= 0) {
            return false;
        }
        boolean udp = d.protocol == IpProtocol.UDP.number();
        int sp = d.srcPort;
        int dp = d.dstPort;
        if (udp) {
            return dp == 2427 || dp == 2727 || sp == 2427 || sp == 2727 || dp == 1719 || sp == 1719
                    || (sp == 67 || sp == 68) && (dp == 67 || dp == 68) || dp == 69 || TftpClaims.isFirstData(b, off, len)
                    || sp == 123 || dp == 123 || sp == 53 || sp == 5060 || dp == 5060 || startsLikeSip(b, off, len);
        }
        return sp == 2000 || dp == 2000 || sp == 1720 || dp == 1720 || sp == 2748 || sp == 389 || dp == 389 || sp == 3268
                || dp == 3268 || sp == 53 || sp == 5060 || dp == 5060 || startsLikeSip(b, off, len);
    }

    /** A frame that is not IP: CDP (SNAP 00-00-0C/0x2000) or LLDP (0x88cc) on Ethernet, VLAN-tagged or not. */
    public void frame(RawPacket raw, EvidenceTable into) {
        long found = discovery(raw);
        if (found == 0) {
            return;
        }
        claims.clear();
        int p = (int) (found >>> 20 & 0xffffffffL);
        int len = (int) (found & 0xfffff);
        if (found >>> 52 == LLDP) {
            LldpClaims.read(raw.data, p, len, claims);
        } else {
            CdpClaims.read(raw.data, p, len, claims);
        }
        if (!claims.isEmpty()) {
            record(null, raw, into);
        }
    }

    /** True for a CDP or LLDP frame: a split audit keeps these frames whole for the evidence. */
    public static boolean isDiscoveryFrame(RawPacket raw) {
        return discovery(raw) != 0;
    }

    private static final long CDP = 1;
    private static final long LLDP = 2;

    /** 0, or CDP or LLDP (bits 52 up) with where its payload starts (bits 20-51) and its length (bits 0-19). */
    private static long discovery(RawPacket raw) {
        if (raw.linkType != EN10MB || raw.data == null) {
            return 0;
        }
        byte[] b = raw.data;
        int p = raw.offset + 12;
        int end = raw.offset + raw.length;
        if (end > b.length || p + 2 > end) {
            return 0;
        }
        int type = Bytes.be16(b, p);
        while ((type == 0x8100 || type == 0x88a8) && p + 6 <= end) {
            p += 4;
            type = Bytes.be16(b, p);
        }
        p += 2;
        if (type == 0x88cc) {
            return LLDP << 52 | (long) p << 20 | Math.min(end - p, 0xfffff);
        }
        if (type <= 1500 && type > 8 && p + 8 <= end && (b[p] & 0xff) == 0xaa && (b[p + 1] & 0xff) == 0xaa && b[p + 2] == 3
                && b[p + 3] == 0 && b[p + 4] == 0 && b[p + 5] == 0x0c && Bytes.be16(b, p + 6) == 0x2000) {
            return CDP << 52 | (long) (p + 8) << 20 | Math.min(Math.min(type - 8, end - p - 8), 0xfffff);
        }
        return 0;
    }

    private void record(DecodedPacket d, RawPacket raw, EvidenceTable into) {
        Where where = new Where(raw.sourceName, raw.number, raw.timestampNanos);
        for (Claim c : claims) {
            IpAddress about = switch (c.about()) {
                case SOURCE -> IpAddress.of(d.src, 0, d.addressLength());
                case DESTINATION -> IpAddress.of(d.dst, 0, d.addressLength());
                case NAMED -> c.named();
            };
            if (unicast(about)) {
                into.add(about, c.role(), c.what(), c.strength(), where);
            }
        }
    }

    private void link(DecodedPacket d, RawPacket raw, EvidenceTable into) {
        IpAddress source = IpAddress.of(d.src, 0, d.addressLength());
        IpAddress destination = IpAddress.of(d.dst, 0, d.addressLength());
        if (!unicast(source) || !unicast(destination)) {
            return;
        }
        Where where = new Where(raw.sourceName, raw.number, raw.timestampNanos);
        for (Link l : links) {
            boolean anchorIsSource = l.anchor() == Claim.About.SOURCE;
            into.link(l.relation(), anchorIsSource ? source : destination, anchorIsSource ? destination : source, where);
        }
    }

    /** Not a group or unspecified address: multicast, broadcast and 0.0.0.0 have no role. */
    static boolean unicast(IpAddress a) {
        byte[] b = a.bytes();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            boolean zero = (b[0] | b[1] | b[2] | b[3]) == 0;
            boolean broadcast = (b[0] & b[1] & b[2] & b[3]) == (byte) 0xff;
            return first < 224 && !zero && !broadcast;
        }
        return (b[0] & 0xff) != 0xff;
    }

    private static boolean startsLikeSip(byte[] b, int off, int len) {
        return len >= 8 && (b[off] == 'S' && b[off + 1] == 'I' && b[off + 2] == 'P' && b[off + 3] == '/'
                || b[off] == 'R' && b[off + 1] == 'E' && b[off + 2] == 'G' && b[off + 3] == 'I' && b[off + 4] == 'S'
                        && b[off + 5] == 'T' && b[off + 6] == 'E' && b[off + 7] == 'R');
    }

    private static String key(byte[] address, int alen, int port) {
        return addressText(address, alen) + "|" + port;
    }

    private static String addressText(byte[] address, int alen) {
        return IpAddress.of(address, 0, alen).text();
    }
}
