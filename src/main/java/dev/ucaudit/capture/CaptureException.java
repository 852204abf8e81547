package dev.ucaudit.capture;

/** An input that cannot be read at all; the message names it and says what to do. */
public class CaptureException extends Exception {
    public CaptureException(String message) {
        super(message);
    }

    public CaptureException(String message, Throwable cause) {
        super(message, cause);
    }
}
