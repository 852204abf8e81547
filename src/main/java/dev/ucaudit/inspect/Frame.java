package dev.ucaudit.inspect;

/** Result of framing: a {@link Detection} and, when detected, the message length in bytes. */
public record Frame(Detection detection, int length, String problem) {
    public static final Frame NEEDS_MORE_DATA = new Frame(Detection.NEEDS_MORE_DATA, 0, null);

    public static Frame invalid(String problem) {
        return new Frame(Detection.INVALID, 0, problem);
    }

    public static Frame detected(int length) {
        return new Frame(Detection.DETECTED, length, null);
    }
}
