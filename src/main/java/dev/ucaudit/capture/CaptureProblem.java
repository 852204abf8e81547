package dev.ucaudit.capture;

/**
 * Something a packet source could not read. {@code packetNumber} is the 1-based record number
 * the problem concerns, or 0 for a problem of the whole file (header, link type).
 * {@code fatal} means the source stopped reading this input after it.
 */
public record CaptureProblem(String source, long packetNumber, String kind, String message, boolean fatal) {
    /** One line for stderr: file, packet, what went wrong. */
    public String describe() {
        String where = packetNumber > 0 ? source + ": packet " + packetNumber : source;
        return where + ": " + message;
    }
}
