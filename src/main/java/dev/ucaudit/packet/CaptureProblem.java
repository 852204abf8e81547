package dev.ucaudit.packet;

/**
 * Something a packet source could not read. {@code packetNumber} is the 1-based record number
 * the problem concerns, or 0 for a problem of the whole file (header, link type).
 * {@code fatal} means the source stopped reading this input after it.
 */
public record CaptureProblem(String source, long packetNumber, String kind, String message, boolean fatal) {
    /**
     * The kind of an oddity that cost nothing (a record storing more bytes than its original length,
     * a timestamp fraction of a second or more): noted once per file, not a read problem.
     */
    public static final String NOTE = "note";
    /** The kind of a packet that was read but could not be decoded: counted, but the input was read in full. */
    public static final String MALFORMED = "malformed";
    /**
     * The kind of a capture clock that jumped back: damage of the input's timestamps, counted as a
     * problem, but every packet was read (flows are then judged idle by their own packets' times).
     */
    public static final String CLOCK = "clock";

    /** A note about an oddity that lost nothing. */
    public static CaptureProblem note(String source, String message) {
        return new CaptureProblem(source, 0, NOTE, message, false);
    }

    /** True for an oddity that lost nothing; false for damage or a read problem. */
    public boolean isNote() {
        return NOTE.equals(kind);
    }

    /** True when bytes of the input were lost: the input was not read in full. */
    public boolean lostData() {
        return !isNote() && !MALFORMED.equals(kind) && !CLOCK.equals(kind);
    }

    /** One line for stderr: file, packet, what went wrong. */
    public String describe() {
        String where = packetNumber > 0 ? source + ": packet " + packetNumber : source;
        return where + ": " + message;
    }
}
