package dev.ucaudit.capture.live;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * How live capture reads packets from libpcap: {@link #NATIVE}, the C helper (pcap_dispatch into one
 * buffer per call, copied to Java in bulk; see {@link NativeCapture}), or {@link #PCAP4J}, pcap4j's
 * loop (one JNA up-call and one byte[] per packet).
 */
public enum CaptureEngine {
    NATIVE, PCAP4J;

    /**
     * The engine to use.
     *
     * @param requested          what the user asked for (native is the default)
     * @param nativeUnavailable  null when the helper loads, else why not
     * @param notice             the engine in use and, when native was asked for and cannot load, the
     *                           one line to print
     */
    public record Selection(CaptureEngine engine, String notice) {
    }

    public static Selection select(CaptureEngine requested, Supplier<String> nativeUnavailable) {
        if (requested == PCAP4J) {
            return new Selection(PCAP4J, null);
        }
        String why = nativeUnavailable.get();
        if (why == null) {
            return new Selection(NATIVE, null);
        }
        return new Selection(PCAP4J, "ucaudit: native capture helper unavailable (" + why + "); using pcap4j's loop");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
