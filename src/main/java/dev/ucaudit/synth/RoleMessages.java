package dev.ucaudit.synth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What hosts say about their roles, as on the wire, for generated captures: a DHCP answer with the
 * TFTP servers of option 150, an H.225 RAS message head, and the CDP and LLDP-MED frames a phone
 * sends on its switch port.
 */
public final class RoleMessages {
    private static final byte[] CDP_MAC = {1, 0, 0x0c, (byte) 0xcc, (byte) 0xcc, (byte) 0xcc};
    private static final byte[] LLDP_MAC = {1, (byte) 0x80, (byte) 0xc2, 0, 0, 0x0e};

    private RoleMessages() {
    }

    /** A DHCP answer (BOOTP op 2): message type (2 OFFER, 5 ACK), server identifier, option 150 TFTP servers. */
    public static byte[] dhcpAnswer(int messageType, byte[] client, byte[] serverId, byte[]... tftpServers) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(300);
        b.write(2);
        b.write(1);
        b.write(6);
        b.write(0);
        b.writeBytes(new byte[] {0x12, 0x34, 0x56, 0x78, 0, 0, 0, 0, 0, 0, 0, 0});
        b.writeBytes(client); // yiaddr
        b.writeBytes(new byte[4 + 4 + 16 + 64 + 128]);
        b.writeBytes(new byte[] {0x63, (byte) 0x82, 0x53, 0x63, 53, 1, (byte) messageType});
        if (serverId != null) {
            b.writeBytes(new byte[] {54, 4});
            b.writeBytes(serverId);
        }
        if (tftpServers.length > 0) {
            b.write(150);
            b.write(4 * tftpServers.length);
            for (byte[] t : tftpServers) {
                b.writeBytes(t);
            }
        }
        b.write(255);
        return b.toByteArray();
    }

    /** A CDPv2 frame (802.3, SNAP) of a device with an IPv4 address, capabilities (0x90: host and phone) and a voice VLAN. */
    public static byte[] cdp(byte[] mac, String deviceId, String platform, byte[] ipv4, int capabilities, int voiceVlan) {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        t.write(2);
        t.write(180);
        t.write(0);
        t.write(0);
        tlv(t, 0x01, deviceId.getBytes(StandardCharsets.US_ASCII));
        tlv(t, 0x02, address(ipv4));
        tlv(t, 0x04, new byte[] {(byte) (capabilities >>> 24), (byte) (capabilities >>> 16), (byte) (capabilities >>> 8),
            (byte) capabilities});
        tlv(t, 0x06, platform.getBytes(StandardCharsets.US_ASCII));
        if (voiceVlan >= 0) {
            tlv(t, 0x0e, new byte[] {1, (byte) (voiceVlan >> 8), (byte) voiceVlan});
        }
        byte[] cdp = t.toByteArray();
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(CDP_MAC);
        f.writeBytes(mac);
        int length = 8 + cdp.length;
        f.write(length >> 8);
        f.write(length);
        f.writeBytes(new byte[] {(byte) 0xaa, (byte) 0xaa, 3, 0, 0, 0x0c, 0x20, 0});
        f.writeBytes(cdp);
        return f.toByteArray();
    }

    private static void tlv(ByteArrayOutputStream t, int type, byte[] value) {
        int len = value.length + 4;
        t.write(type >> 8);
        t.write(type);
        t.write(len >> 8);
        t.write(len);
        t.writeBytes(value);
    }

    private static byte[] address(byte[] ipv4) {
        return new byte[] {0, 0, 0, 1, 1, 1, (byte) 0xcc, 0, 4, ipv4[0], ipv4[1], ipv4[2], ipv4[3]};
    }

    /** An LLDP-MED frame of a phone: chassis, port, TTL, system name, telephone capability, management IPv4, MED class 3, voice policy. */
    public static byte[] lldpMedPhone(byte[] mac, String systemName, byte[] ipv4, int voiceVlan) {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        lldp(t, 1, concat(new byte[] {4}, mac));
        lldp(t, 2, concat(new byte[] {3}, mac));
        lldp(t, 3, new byte[] {0, (byte) 180});
        lldp(t, 5, systemName.getBytes(StandardCharsets.US_ASCII));
        lldp(t, 7, new byte[] {0, 0x24, 0, 0x24});
        lldp(t, 8, concat(new byte[] {5, 1}, ipv4, new byte[] {2, 0, 0, 0, 1, 0}));
        lldp(t, 127, new byte[] {0, 0x12, (byte) 0xbb, 1, 0, 0x33, 3});
        lldp(t, 127, new byte[] {0, 0x12, (byte) 0xbb, 2, 1, (byte) (voiceVlan >> 7 & 0x1f), (byte) (voiceVlan << 1 & 0xfe), (byte) 0xb8});
        lldp(t, 0, new byte[0]);
        return Frames.ethernet(LLDP_MAC, mac, -1, 0x88cc, t.toByteArray());
    }

    private static void lldp(ByteArrayOutputStream t, int type, byte[] value) {
        t.write(type << 1 | value.length >> 8);
        t.write(value.length);
        t.writeBytes(value);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }
}
