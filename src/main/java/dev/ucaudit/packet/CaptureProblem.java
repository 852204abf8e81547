package dev.ucaudit.packet;

import java.util.Optional;

/**
 * Something a packet source could not read. {@code packetNumber} is the 1-based record number
 * the problem concerns, or 0 for a problem of the whole file (header, link type).
 * {@code fatal} means the source stopped reading this input after it.
 */
public record CaptureProblem(String source, long packetNumber, Kind kind, String message, boolean fatal) {
    /** What went wrong, as summary.json and the partial audit format write it ({@link #text()}). */
    public enum Kind {
        /**
         * An oddity that cost nothing (a record storing more bytes than its original length, a timestamp
         * fraction of a second or more): noted once per file, not a read problem.
         */
        NOTE("note"),
        /** A packet that was read but could not be decoded: counted, but the input was read in full. */
        MALFORMED("malformed"),
        /**
         * A capture clock that jumped back: damage of the input's timestamps, counted as a problem, but
         * every packet was read (flows are then judged idle by their own packets' times).
         */
        CLOCK("clock"),
        /** A packet of a link type the decoder does not read. */
        LINK_TYPE("link-type"),
        /** A packet the capture filter could not be applied to. */
        FILTER("filter"),
        /** A record or block cut short, or a compressed stream that ends early. */
        TRUNCATED("truncated"),
        /** Reading failed (or compressed data is corrupt). */
        IO_ERROR("io-error"),
        /** A pcap file header of a version not read. */
        BAD_HEADER("bad-header"),
        /** A record header that cannot be true (lengths beyond any capture). */
        CORRUPT_RECORD("corrupt-record"),
        /** Bytes skipped to find the next plausible record or block. */
        RESYNC("resync"),
        /** A pcapng block that is not what its type says. */
        BAD_BLOCK("bad-block"),
        /** A pcapng section of a version not read. */
        UNSUPPORTED_SECTION("unsupported-section"),
        /** A pcapng section declaring more interfaces than are kept. */
        TOO_MANY_INTERFACES("too-many-interfaces"),
        /** A pcapng packet for an interface its section did not describe. */
        UNKNOWN_INTERFACE("unknown-interface"),
        /** libpcap stopped reading the file. */
        LIBPCAP_ERROR("libpcap-error"),
        /** A live capture that failed. */
        CAPTURE_ERROR("capture-error");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** The kind as written in summary.json ("truncated"). */
        public String text() {
            return text;
        }

        /** The kind written as {@code text}, if there is one. */
        public static Optional<Kind> of(String text) {
            for (Kind k : values()) {
                if (k.text.equals(text)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** A note about an oddity that lost nothing. */
    public static CaptureProblem note(String source, String message) {
        return new CaptureProblem(source, 0, Kind.NOTE, message, false);
    }

    /** True for an oddity that lost nothing; false for damage or a read problem. */
    public boolean isNote() {
        return kind == Kind.NOTE;
    }

    /** True when bytes of the input were lost: the input was not read in full. */
    public boolean lostData() {
        return !isNote() && kind != Kind.MALFORMED && kind != Kind.CLOCK;
    }

    /** One line for stderr: file, packet, what went wrong. */
    public String describe() {
        String where = packetNumber > 0 ? source + ": packet " + packetNumber : source;
        return where + ": " + message;
    }
}
