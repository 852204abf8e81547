package dev.ucaudit.inspect.sccp;

import java.net.InetAddress;

/**
 * A media endpoint an SCCP message names.
 *
 * @param messageId 0x0022 OpenReceiveChannelAck, 0x008A StartMediaTransmission, 0x0141 OpenMultiMediaReceiveChannelAck
 * @param conferenceId conference id, or -1 when the message does not carry it
 * @param passThruPartyId pass-through party id
 * @param address IPv4 or IPv6 address
 * @param port UDP port
 * @param status media reception status of an Ack (0 = ok); 0 for StartMediaTransmission
 */
public record SccpMedia(int messageId, long conferenceId, long passThruPartyId, InetAddress address, int port, long status) {
}
