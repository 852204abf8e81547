package dev.ucaudit.capture;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Link types named as tcpdump names them ({@code EN10MB (Ethernet)}, {@code LINUX_SLL (Linux cooked v1)}),
 * asked of libpcap's own table ({@code pcap_datalink_val_to_name} and {@code _to_description}), so the
 * names are exactly tcpdump's, whatever libpcap version is installed.
 */
public final class LinkTypes {
    private interface LibPcap extends Library {
        String pcap_datalink_val_to_name(int dlt);

        String pcap_datalink_val_to_description(int dlt);
    }

    private LinkTypes() {
    }

    /** {@code NAME (description)} for a DLT value, or {@code DLT n} when libpcap does not know it (or is missing). */
    public static String describe(int dlt) {
        try {
            LibPcap pcap = Native.load("pcap", LibPcap.class);
            String name = pcap.pcap_datalink_val_to_name(dlt);
            if (name != null) {
                String description = pcap.pcap_datalink_val_to_description(dlt);
                return description == null ? name : name + " (" + description + ")";
            }
        } catch (RuntimeException | LinkageError e) {
            // no libpcap to ask: the number is all there is
        }
        return "DLT " + dlt;
    }
}
