package dev.ucaudit.inspect;

import dev.ucaudit.inspect.stream.BufferBudget;
import dev.ucaudit.catalog.IpProtocol;
import java.net.InetAddress;

/** What an {@link Inspector} knows about its flow, and where it reports. */
public interface InspectionContext {
    InetAddress initiator();

    int initiatorPort();

    InetAddress responder();

    int responderPort();

    IpProtocol protocol();

    long timestampNanos();

    /** Registers a pinhole. */
    void expect(Expectation e);

    /**
     * The flow itself carries what its catalog row does not document (a TFTP upload on the download
     * row): the flow is undocumented for this reason, whatever its port says.
     */
    default void finding(String reason) {
    }

    /** Counts a malformed message (per inspector in the run summary). */
    void malformed(String detail);

    /** Counts one signalling message parsed; {@code type} is e.g. "INVITE", "OpenReceiveChannelAck". */
    default void message(String type) {
    }

    /** Counts one call set up on this signalling leg (the voice summary of report.html). */
    default void call() {
    }

    /** Counts one registration accepted (the voice summary of report.html). */
    default void registration() {
    }

    /** The run's budget for TCP reassembly buffers, or null when only the per-flow limit applies. */
    default BufferBudget buffers() {
        return null;
    }

    /** The address that sent a payload in direction {@code dir}. */
    default InetAddress sender(Direction dir) {
        return dir == Direction.FROM_INITIATOR ? initiator() : responder();
    }

    /** The address that received a payload in direction {@code dir}. */
    default InetAddress receiver(Direction dir) {
        return dir == Direction.FROM_INITIATOR ? responder() : initiator();
    }

    default int senderPort(Direction dir) {
        return dir == Direction.FROM_INITIATOR ? initiatorPort() : responderPort();
    }
}
