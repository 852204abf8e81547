package dev.ucaudit.audit;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.flow.FlowKey;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * ICMP and ICMPv6 error messages (destination unreachable, administratively prohibited, time exceeded,
 * packet too big, parameter problem, source quench, redirect) quote the header of the packet that
 * caused them. Such an error belongs to the flow of the quoted packet, as Zeek counts it: it is never
 * "echo-related traffic (ping)".
 */
final class IcmpErrors {
    private IcmpErrors() {
    }

    /** The flow an ICMP error quotes and what the error says. */
    record Quoted(FlowKey flow, String description, byte[] quotedDestination, int quotedDestinationPort) {
        /** "udp 10.0.1.199:62986 → 10.0.1.45:10270", the quoted packet's direction. */
        String flowText(byte[] quotedSource, int quotedSourcePort) {
            return IpProtocol.label(flow.protocol()) + " " + endpoint(quotedSource, quotedSourcePort) + " → "
                    + endpoint(quotedDestination, quotedDestinationPort);
        }
    }

    /**
     * The quoted flow of the ICMP (protocol 1) or ICMPv6 (58) message {@code b[off, off+len)}, or null when
     * it is not an error or quotes too little to name a flow.
     */
    static Quoted parse(int protocol, byte[] b, int off, int len) {
        if (len < 8 || off < 0 || off + len > b.length) {
            return null;
        }
        int type = b[off] & 0xff;
        int code = b[off + 1] & 0xff;
        String what = protocol == IpProtocol.ICMP.number() ? v4(type, code) : protocol == IpProtocol.ICMPV6.number() ? v6(type, code) : null;
        if (what == null) {
            return null;
        }
        int q = off + 8;
        int end = off + len;
        int qProto;
        byte[] src;
        byte[] dst;
        int transport;
        if (protocol == IpProtocol.ICMP.number()) {
            if (end - q < 20 || (b[q] & 0xf0) != 0x40) {
                return null;
            }
            int ihl = (b[q] & 0x0f) * 4;
            qProto = b[q + 9] & 0xff;
            src = Arrays.copyOfRange(b, q + 12, q + 16);
            dst = Arrays.copyOfRange(b, q + 16, q + 20);
            boolean laterFragment = ((b[q + 6] & 0x1f) << 8 | (b[q + 7] & 0xff)) != 0;
            transport = laterFragment ? -1 : q + ihl;
        } else {
            if (end - q < 40 || (b[q] & 0xf0) != 0x60) {
                return null;
            }
            qProto = b[q + 6] & 0xff;
            src = Arrays.copyOfRange(b, q + 8, q + 24);
            dst = Arrays.copyOfRange(b, q + 24, q + 40);
            transport = q + 40;
        }
        int sport = -1;
        int dport = -1;
        if ((qProto == 6 || qProto == 17 || qProto == 132) && transport > 0 && transport + 4 <= end) {
            sport = (b[transport] & 0xff) << 8 | (b[transport + 1] & 0xff);
            dport = (b[transport + 2] & 0xff) << 8 | (b[transport + 3] & 0xff);
        } else if (qProto == 6 || qProto == 17 || qProto == 132) {
            return null; // a port protocol whose ports were not quoted: no flow to name
        }
        return new Quoted(FlowKey.of(qProto, src, sport, dst, dport), what, dst, dport);
    }

    private static String v4(int type, int code) {
        return switch (type) {
            case 3 -> switch (code) {
                case 0 -> "network unreachable";
                case 1 -> "host unreachable";
                case 2 -> "protocol unreachable";
                case 3 -> "port unreachable";
                case 4 -> "fragmentation needed";
                case 9, 10, 13 -> "administratively prohibited";
                default -> "destination unreachable (code " + code + ")";
            };
            case 4 -> "source quench";
            case 5 -> "redirect";
            case 11 -> "time exceeded";
            case 12 -> "parameter problem";
            default -> null;
        };
    }

    private static String v6(int type, int code) {
        return switch (type) {
            case 1 -> switch (code) {
                case 1 -> "administratively prohibited";
                case 3 -> "address unreachable";
                case 4 -> "port unreachable";
                default -> "destination unreachable (code " + code + ")";
            };
            case 2 -> "packet too big";
            case 3 -> "time exceeded";
            case 4 -> "parameter problem";
            default -> null;
        };
    }

    private static String endpoint(byte[] address, int port) {
        String a;
        try {
            a = InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            a = "?";
        }
        String shown = address.length == 16 ? "[" + a + "]" : a;
        return port < 0 ? a : shown + ":" + port;
    }
}
