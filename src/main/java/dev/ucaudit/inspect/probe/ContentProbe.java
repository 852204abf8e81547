package dev.ucaudit.inspect.probe;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.inspect.Detection;

/**
 * Recognises one signalling protocol from the first payload bytes of a flow, as Zeek's dynamic
 * protocol detection and Suricata's probing parsers do: {@link Detection#DETECTED} when the bytes
 * start a message of the protocol, {@link Detection#INVALID} when they cannot, {@link
 * Detection#NEEDS_MORE_DATA} when they are a valid beginning too short to tell. Never throws, never
 * reads outside {@code buf[off, off+len)}.
 */
public interface ContentProbe {
    /** The protocol, whose inspector reads what the probe finds. */
    AppProtocol protocol();

    /** True when the protocol runs over this IP protocol (6 TCP, 17 UDP, 132 SCTP). */
    boolean runsOver(int ipProtocol);

    Detection probe(byte[] buf, int off, int len);
}
