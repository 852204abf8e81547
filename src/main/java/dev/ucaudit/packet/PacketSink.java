package dev.ucaudit.packet;

/** Receives what a {@link PacketSource} reads. Called on the source's thread. */
public interface PacketSink {
    /** A packet; the view and its buffer are only valid during the call. */
    void packet(RawPacket packet);

    /** A record or file the source could not read; reading goes on unless the problem is fatal. */
    void problem(CaptureProblem problem);
}
