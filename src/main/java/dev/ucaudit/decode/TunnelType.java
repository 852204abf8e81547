package dev.ucaudit.decode;

/** The tunnels the decoder opens, named as summary.json's {@code tunnels} section names them. */
public enum TunnelType {
    /** GRE (IP protocol 47) carrying IPv4 or IPv6 (0x0800, 0x86DD). */
    GRE("gre"),
    /** GRE carrying Ethernet (transparent Ethernet bridging, 0x6558). */
    GRE_ETHERNET("gre-ethernet"),
    /** GRE carrying PPP (0x880B; PPTP's enhanced GRE, version 1). */
    GRE_PPP("gre-ppp"),
    /** ERSPAN type I: GRE 0x88BE without a sequence number, the mirrored frame right after GRE. */
    ERSPAN_I("erspan-i"),
    /** ERSPAN type II: GRE 0x88BE with a sequence number and an 8-byte ERSPAN header. */
    ERSPAN_II("erspan-ii"),
    /** ERSPAN type III: GRE 0x22EB, 12-byte header (plus 8 with the platform sub-header). */
    ERSPAN_III("erspan-iii"),
    /** VXLAN (RFC 7348) on UDP 4789 or a configured port. */
    VXLAN("vxlan"),
    /** IPv4 inside IPv4 or IPv6 (IP protocol 4). */
    IPV4_IN_IP("ipv4-in-ip"),
    /** IPv6 inside IPv4 (6in4) or IPv6 (IP protocol 41). */
    IPV6_IN_IP("ipv6-in-ip");

    private final String label;

    TunnelType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
