package dev.ucaudit.inspect;

/**
 * Cuts texts read from the wire (call ids, endpoint names, file names) to a bounded length before
 * they are kept, so that what the network sends cannot decide how much memory a pinhole holds.
 */
public final class ShortText {
    /** Longest call id, endpoint or file name kept in a pinhole's reason. */
    public static final int MAX_NAME_CHARS = 64;

    private ShortText() {
    }

    /** {@code text} itself when at most {@code max} characters, else its start and its full length. */
    public static String of(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        String tail = "...(" + text.length() + " chars)";
        int keep = Math.max(0, max - tail.length());
        return text.substring(0, keep) + tail;
    }

    /** A name from the wire cut to {@link #MAX_NAME_CHARS}. */
    public static String name(String text) {
        return of(text, MAX_NAME_CHARS);
    }
}
