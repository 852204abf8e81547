package dev.ucaudit.inspect.h323;

import java.net.InetAddress;
import java.util.List;

/**
 * What the H.225 decoder found in one H323-UserInformation.
 *
 * @param body UU-PDU message body: setup, callProceeding, connect, alerting, information, releaseComplete, facility, progress, ... or "?"
 * @param h245Address the h245Address when decoded, else null; h245Port its port
 * @param callId callIdentifier GUID as hex (heuristic: the last 0x11 0x00 + 16-byte extension addition), or null
 * @param media unicast addresses found heuristically in the message (fastStart OpenLogicalChannels)
 */
public record H225Info(String body, InetAddress h245Address, int h245Port, String callId, List<MediaAddressScanner.Found> media) {
    public H225Info {
        media = List.copyOf(media);
    }
}
