package dev.ucaudit.decode;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Whether the decoder opens tunnels ({@code --decapsulate auto|none}) and which UDP ports carry
 * VXLAN. With {@link #AUTO} a tunnelled packet is decoded down to its innermost IP packet and the
 * tunnel is described in {@link DecodedPacket}'s tunnel fields; with {@link #NONE} the outer packet
 * is the packet (a GRE or IP-in-IP tunnel is then one flow).
 */
public record Decapsulation(boolean enabled, int[] vxlanPorts) implements Serializable {
    /** Standard VXLAN port (RFC 7348). */
    public static final int VXLAN_PORT = 4789;
    public static final Decapsulation AUTO = new Decapsulation(true, new int[] {VXLAN_PORT});
    public static final Decapsulation NONE = new Decapsulation(false, new int[0]);

    public Decapsulation {
        vxlanPorts = vxlanPorts.clone();
        for (int p : vxlanPorts) {
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("VXLAN port " + p + " is outside 1-65535");
            }
        }
    }

    @Override
    public int[] vxlanPorts() {
        return vxlanPorts.clone();
    }

    boolean isVxlanPort(int port) {
        for (int p : vxlanPorts) {
            if (p == port) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decapsulation d && d.enabled == enabled && Arrays.equals(d.vxlanPorts, vxlanPorts);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(enabled) * 31 + Arrays.hashCode(vxlanPorts);
    }

    @Override
    public String toString() {
        return enabled ? "auto (VXLAN on UDP " + Arrays.toString(vxlanPorts) + ")" : "none";
    }
}
