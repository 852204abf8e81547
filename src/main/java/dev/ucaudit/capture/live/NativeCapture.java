package dev.ucaudit.capture.live;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.File;
import java.lang.reflect.Field;
import java.util.Locale;
import org.pcap4j.core.PcapHandle;

/**
 * The live-capture helper {@code native/ucaudit_capture.c}, bound with JNA direct mapping.
 *
 * <p>The build compiles it into the jar as {@code native/<os>-<arch>/libucaudit_capture.so} where
 * gcc and libpcap's headers exist. {@link #load} extracts and registers it once and returns why it
 * could not when it cannot (no library for this platform in the jar, libpcap missing, a wrong
 * version); live capture then uses pcap4j's loop. The system property {@code ucaudit.capture.helper}
 * names another file to load instead (or {@code none} to behave as if it were missing).
 *
 * <p>Which handle: pcap4j keeps opening the interface, compiling and setting the BPF filter,
 * reading pcap_stats and closing; only the read loop moves here. The helper needs the handle's
 * {@code pcap_t *}, which pcap4j keeps in the private field {@code PcapHandle.handle} (a JNA
 * {@link Pointer}); {@link #pcapT} reads it by reflection. That is tied to pcap4j's internals (the
 * field has had that name and type since pcap4j 1.0; the version is pinned in pom.xml), and is
 * preferred to opening the handle a second time in C, which would duplicate pcap4j's error handling
 * of open, activate, filter and statistics that the rest of ucaudit relies on. When the field is not
 * there, the native engine is reported unavailable and pcap4j's loop is used.
 */
public final class NativeCapture {
    static final int VERSION = 1;
    private static final String RESOURCE_NAME = "libucaudit_capture.so";
    private static String failure;
    private static boolean attempted;

    private NativeCapture() {
    }

    /** Runs pcap_dispatch once into {@code buf}; see ucaudit_capture.c. Returns the records stored. */
    static native int ucaudit_dispatch(Pointer pcap, int maxPackets, Pointer buf, int bufLen, Pointer out);

    static native void ucaudit_breakloop(Pointer pcap);

    static native String ucaudit_geterr(Pointer pcap);

    static native int ucaudit_capture_version();

    /** Loads and registers the helper once; returns null when it is usable, else why not (one line). */
    public static synchronized String load() {
        if (attempted) {
            return failure;
        }
        attempted = true;
        try {
            failure = tryLoad();
        } catch (Throwable e) {
            failure = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        }
        return failure;
    }

    private static String tryLoad() throws Exception {
        String override = System.getProperty("ucaudit.capture.helper");
        File file;
        if (override != null && !override.isBlank()) {
            if (override.equals("none")) {
                return "disabled by -Ducaudit.capture.helper=none";
            }
            file = new File(override);
            if (!file.isFile()) {
                return "no file " + override;
            }
        } else {
            String platform = platform();
            if (platform == null) {
                return "no helper built for " + System.getProperty("os.name") + "/" + System.getProperty("os.arch");
            }
            String resource = "/native/" + platform + "/" + RESOURCE_NAME;
            if (NativeCapture.class.getResource(resource) == null) {
                return "not built into this jar (building it needs gcc and libpcap-dev: apt-get install gcc libpcap-dev, then rebuild)";
            }
            file = Native.extractFromResourcePath(resource, NativeCapture.class.getClassLoader());
        }
        NativeLibrary lib = NativeLibrary.getInstance(file.getAbsolutePath());
        Native.register(NativeCapture.class, lib);
        int v = ucaudit_capture_version();
        if (v != VERSION) {
            return "helper version " + v + ", expected " + VERSION;
        }
        PcapHandle.class.getDeclaredField("handle"); // the field pcapT reads must exist in this pcap4j
        return null;
    }

    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.startsWith("linux")) {
            return null;
        }
        return switch (arch) {
            case "amd64", "x86_64" -> "linux-x86_64";
            case "aarch64", "arm64" -> "linux-aarch64";
            default -> null;
        };
    }

    /** The {@code pcap_t *} behind a pcap4j handle (see the class comment). */
    static Pointer pcapT(PcapHandle h) throws ReflectiveOperationException {
        Field f = PcapHandle.class.getDeclaredField("handle");
        f.setAccessible(true);
        return (Pointer) f.get(h);
    }
}
