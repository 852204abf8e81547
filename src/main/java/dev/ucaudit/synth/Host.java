package dev.ucaudit.synth;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A generated host: address, MAC, voice VLAN (-1 for none). */
public record Host(String name, byte[] address, byte[] mac, int vlan) {

    public static Host of(String name, String address, int macSuffix, int vlan) {
        try {
            byte[] a = InetAddress.getByName(address).getAddress();
            byte[] mac = {0x02, 0x00, 0x5e, (byte) (macSuffix >> 16), (byte) (macSuffix >> 8), (byte) macSuffix};
            return new Host(name, a, mac, vlan);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    public boolean v6() {
        return address.length == 16;
    }
}
