package dev.ucaudit.synth;

import java.io.ByteArrayOutputStream;

/**
 * H.225 and H.245 messages in TPKT, encoded by hand in ASN.1 aligned PER (X.691) with only the
 * fields an auditor reads: the Connect's h245Address and callIdentifier, and an H.245
 * OpenLogicalChannelAck's media addresses.
 */
public final class H323Messages {
    private H323Messages() {
    }

    /**
     * Q.931 Connect (sent by the called side) whose H.323-UserInformation carries a Connect-UUIE
     * with an h245Address and a callIdentifier.
     */
    public static byte[] connect(int callReference, byte[] h245Ip, int h245Port, byte[] conferenceId, byte[] callId) {
        ByteArrayOutputStream uu = new ByteArrayOutputStream();
        // H323-UserInformation: ext 0, user-data absent; H323-UU-PDU: ext 0, nonStandardData absent;
        // h323-message-body CHOICE: ext 0, index 2 (connect) in 3 bits -> 0000 0010
        uu.write(0x02);
        // Connect-UUIE: ext 1 (callIdentifier follows as an extension addition), h245Address present
        uu.write(0xc0);
        // protocolIdentifier OBJECT IDENTIFIER 0.0.8.2250.0.4: length, contents
        uu.writeBytes(new byte[] {0x06, 0x00, 0x08, (byte) 0x91, 0x4a, 0x00, 0x04});
        // h245Address TransportAddress CHOICE ext 0, index 0 (ipAddress), padded; ip (4 octets), port
        uu.write(0x00);
        uu.writeBytes(h245Ip);
        uu.write(h245Port >> 8);
        uu.write(h245Port);
        // destinationInfo EndpointType: ext 0, only terminal present (000001), mc 0, undefinedNode 0;
        // TerminalInfo: ext 0, nonStandardData absent
        uu.writeBytes(new byte[] {0x02, 0x00});
        // conferenceID OCTET STRING (SIZE(16))
        uu.writeBytes(conferenceId);
        // extension additions: count 1 (normally small), bitmap 1 -> 0000 0001;
        // callIdentifier as an open type: length 17, CallIdentifier { ext 0, guid OCTET STRING (SIZE(16)) }
        uu.write(0x01);
        uu.write(0x11);
        uu.write(0x00);
        uu.writeBytes(callId);
        byte[] body = uu.toByteArray();

        ByteArrayOutputStream q931 = new ByteArrayOutputStream();
        q931.writeBytes(new byte[] {0x08, 0x02, (byte) (0x80 | (callReference >> 8)), (byte) callReference, 0x07});
        // User-user information element: 0x7e, 2-byte length, protocol discriminator 5 (X.208/X.209)
        q931.write(0x7e);
        q931.write((body.length + 1) >> 8);
        q931.write(body.length + 1);
        q931.write(0x05);
        q931.writeBytes(body);
        return tpkt(q931.toByteArray());
    }

    /**
     * H.245 OpenLogicalChannelAck: response (index 1), openLogicalChannelAck (index 5), the
     * forward logical channel number, then the H2250LogicalChannelAckParameters' mediaChannel
     * and mediaControlChannel unicast iPAddress (network, tsapIdentifier).
     */
    public static byte[] openLogicalChannelAck(int logicalChannel, byte[] mediaIp, int rtpPort) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.write(0x22); // ext 0, response (01), ext 0, index 5 (0010 1...) continues in the next octet
        m.write(0x80); // ... last index bit 1; OpenLogicalChannelAck ext 0; reverseLogicalChannelParameters absent
        m.write((logicalChannel - 1) >> 8);
        m.write(logicalChannel - 1);
        m.writeBytes(new byte[] {0x01, 0x00}); // forwardMultiplexAckParameters: h2250LogicalChannelAckParameters, ext/opt bits
        m.write(0x00); // mediaChannel: unicastAddress, iPAddress
        m.writeBytes(mediaIp);
        m.write(rtpPort >> 8);
        m.write(rtpPort);
        m.write(0x00); // mediaControlChannel: unicastAddress, iPAddress
        m.writeBytes(mediaIp);
        m.write((rtpPort + 1) >> 8);
        m.write(rtpPort + 1);
        return tpkt(m.toByteArray());
    }

    static byte[] tpkt(byte[] payload) {
        byte[] out = new byte[4 + payload.length];
        out[0] = 3;
        out[2] = (byte) (out.length >> 8);
        out[3] = (byte) out.length;
        System.arraycopy(payload, 0, out, 4, payload.length);
        return out;
    }
}
