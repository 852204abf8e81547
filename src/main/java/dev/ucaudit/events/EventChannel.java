package dev.ucaudit.events;

/** Somewhere live events are delivered: a JSON-lines file or stream, a syslog collector. */
public interface EventChannel extends AutoCloseable {
    /**
     * Delivers one event ({@code json}: one line, ASCII) of type {@code event} seen at capture time
     * {@code atNanos}. Never blocks the capture for long, never throws: what cannot be delivered is counted.
     */
    void send(String event, long atNanos, String json);

    /** Events that could not be delivered. */
    long lost();

    /** What the channel is, as the user named it (for messages). */
    String name();

    @Override
    void close();
}
