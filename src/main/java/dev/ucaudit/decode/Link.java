package dev.ucaudit.decode;

/** What a link framer found after its header; the cursor then points at the network layer. */
final class Link {
    static final int MALFORMED = -1;
    static final int NOT_IP = 0;
    /** IP of either version: the version nibble decides (raw IP links). */
    static final int IP = 1;
    static final int IPV4 = 4;
    static final int IPV6 = 6;
    static final int UNKNOWN = 99;

    private Link() {
    }
}
