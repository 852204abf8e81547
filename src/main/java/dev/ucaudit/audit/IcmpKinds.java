package dev.ucaudit.audit;

import dev.ucaudit.catalog.IpProtocol;
import java.util.ArrayList;
import java.util.List;

/**
 * The kinds of ICMP and ICMPv6 message a flow carried. Only echo request and reply are "ping", the
 * echo-related traffic the catalog's ICMP rows (T2-01, T2-02) document; neighbour discovery, router
 * discovery, multicast listener messages and errors that quote no open flow are their own kinds,
 * each with its own reason, never documented as ping.
 */
final class IcmpKinds {
    static final int ECHO = 1;
    static final int NEIGHBOUR_DISCOVERY = 1 << 1;
    static final int ROUTER_DISCOVERY = 1 << 2;
    static final int UNREACHABLE = 1 << 3;
    static final int MULTICAST_LISTENER = 1 << 4;
    static final int OTHER_ERROR = 1 << 5;
    static final int OTHER = 1 << 6;

    private IcmpKinds() {
    }

    /** The kind of an ICMP (protocol 1) or ICMPv6 (58) message of this type. */
    static int of(int protocol, int type) {
        if (protocol == IpProtocol.ICMP.number()) {
            return switch (type) {
                case 0, 8 -> ECHO;
                case 3 -> UNREACHABLE;
                case 9, 10 -> ROUTER_DISCOVERY;
                case 4, 5, 11, 12 -> OTHER_ERROR;
                default -> OTHER;
            };
        }
        return switch (type) {
            case 128, 129 -> ECHO;
            case 1 -> UNREACHABLE;
            case 133, 134 -> ROUTER_DISCOVERY;
            case 135, 136, 137 -> NEIGHBOUR_DISCOVERY;
            case 130, 131, 132, 143 -> MULTICAST_LISTENER;
            case 2, 3, 4 -> OTHER_ERROR;
            default -> OTHER;
        };
    }

    /** True when the flow carried something besides echo (ping). */
    static boolean beyondEcho(int kinds) {
        return (kinds & ~ECHO) != 0;
    }

    /**
     * Why a flow with these kinds is not ping: e.g. "ICMPv6 neighbour discovery (neighbour solicitation and
     * advertisement: IPv6 address resolution on the link) is not ping: the ICMP rows T2-01, T2-02 document
     * echo request and reply only".
     */
    static String reason(int protocol, int kinds) {
        String icmp = protocol == IpProtocol.ICMPV6.number() ? "ICMPv6" : "ICMP";
        List<String> what = new ArrayList<>();
        if ((kinds & NEIGHBOUR_DISCOVERY) != 0) {
            what.add(icmp + " neighbour discovery (neighbour solicitation and advertisement: IPv6 address resolution on the link)");
        }
        if ((kinds & ROUTER_DISCOVERY) != 0) {
            what.add(icmp + " router discovery (router solicitation and advertisement: a router announcing itself and its prefixes)");
        }
        if ((kinds & MULTICAST_LISTENER) != 0) {
            what.add(icmp + " multicast listener reports (MLD)");
        }
        if ((kinds & UNREACHABLE) != 0) {
            what.add(icmp + " destination unreachable quoting no flow of this capture");
        }
        if ((kinds & OTHER_ERROR) != 0) {
            what.add(icmp + " error messages (time exceeded, redirect, parameter problem, ...) quoting no flow of this capture");
        }
        if ((kinds & OTHER) != 0) {
            what.add(icmp + " messages of other types");
        }
        return String.join(" and ", what) + (what.size() == 1 ? " is" : " are") + " not ping: the ICMP rows (T2-01, T2-02)"
                + " document echo request and reply only" + ((kinds & ECHO) != 0 ? " (this flow also carried echo)" : "");
    }
}
