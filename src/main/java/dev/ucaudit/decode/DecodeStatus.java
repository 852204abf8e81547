package dev.ucaudit.decode;

/** Outcome of decoding one frame. */
public enum DecodeStatus {
    /** An IPv4/IPv6 packet; the {@link DecodedPacket} is filled. */
    IP,
    /** A well-formed frame that carries no IP (ARP, LLDP, CDP, STP, ...): counted, not an error. */
    NOT_IP,
    /** The link type is not one the decoder knows. */
    UNKNOWN_LINK_TYPE,
    /** The bytes contradict themselves (a header longer than the frame, a bad IP version, ...). */
    MALFORMED
}
