package dev.ucaudit.audit;

import dev.ucaudit.decode.DecodedPacket;
import dev.ucaudit.inventory.AddressFormat;
import java.util.Arrays;

/** Names a tunnel as flows.csv's {@code tunnel} column gives it. */
final class TunnelNames {
    private TunnelNames() {
    }

    /**
     * The tunnel a packet came through: its types, outermost first, joined by "+", then the outer endpoints
     * in address order, e.g. {@code gre 192.0.2.1 <> 192.0.2.2}.
     */
    static String of(DecodedPacket d) {
        StringBuilder type = new StringBuilder();
        for (int i = 0; i < d.tunnelDepth; i++) {
            type.append(i == 0 ? "" : "+").append(d.tunnels[i].label());
        }
        int len = d.tunnelIpVersion == 6 ? 16 : 4;
        boolean srcFirst = Arrays.compareUnsigned(d.tunnelSrc, 0, len, d.tunnelDst, 0, len) <= 0;
        String a = AddressFormat.format(srcFirst ? d.tunnelSrc : d.tunnelDst, 0, len);
        String b = AddressFormat.format(srcFirst ? d.tunnelDst : d.tunnelSrc, 0, len);
        return type + " " + a + " <> " + b;
    }
}
