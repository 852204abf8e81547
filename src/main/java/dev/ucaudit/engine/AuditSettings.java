package dev.ucaudit.engine;

import dev.ucaudit.decode.Decapsulation;
import dev.ucaudit.inspect.ExpectationTable;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The options that shape an audit's pipeline, apart from the catalog and inventory it classifies
 * against: the one form of them. It is built with its {@link Builder} (the command line, tests), shipped
 * as it is to Spark executors ({@link Serializable}), and recorded in a partial audit as text ({@link
 * #recorded()}, read back by {@link #fromRecorded}); each option is one component here and one {@link Key}.
 * Immutable.
 *
 * @param idleTimeout      a flow idle this long (capture time) is finished; a later packet starts a new flow
 * @param maxFlows         most flows tracked at once (the least recently used beyond it is finished early)
 * @param maxFlowRows      most flow rows kept for flows.csv (further flows are counted, not listed)
 * @param listScanFlows    keep the probes of recognised scans as rows (else they are summarised)
 * @param maxConversations most host pairs kept with their own totals
 * @param inspection       read signalling (SIP, SCCP, H.225, MGCP, TFTP) to recognise negotiated media
 * @param probing          look for signalling by content on ports whose catalog row names no inspector
 * @param decapsulation    which tunnels are opened
 * @param pinholeLifetime  how long a media opening seen in signalling stays valid (capture time)
 */
public record AuditSettings(Duration idleTimeout, long maxFlows, int maxFlowRows, boolean listScanFlows, int maxConversations,
                            boolean inspection, boolean probing, Decapsulation decapsulation, Duration pinholeLifetime)
        implements Serializable {
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(300);
    public static final long DEFAULT_MAX_FLOWS = 1_000_000;
    public static final int DEFAULT_MAX_FLOW_ROWS = 200_000;
    public static final int DEFAULT_MAX_CONVERSATIONS = 500_000;
    public static final Duration DEFAULT_PINHOLE_LIFETIME = ExpectationTable.DEFAULT_TTL;
    /** The command line's defaults: inspection and probing on, tunnels opened, 5-minute idle timeout and pinholes. */
    public static final AuditSettings DEFAULTS = builder().build();

    public AuditSettings {
        if (decapsulation == null) {
            throw new NullPointerException("decapsulation");
        }
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive, not " + idleTimeout);
        }
        if (pinholeLifetime == null || pinholeLifetime.isNegative() || pinholeLifetime.isZero()) {
            throw new IllegalArgumentException("the pinhole lifetime must be positive, not " + pinholeLifetime);
        }
        if (maxFlows < 1 || maxFlowRows < 0 || maxConversations < 0) {
            throw new IllegalArgumentException("limits must not be negative (max flows at least 1): " + maxFlows + ", "
                    + maxFlowRows + ", " + maxConversations);
        }
    }

    /**
     * Each option as a partial records it: its key, its value as text, how the text is read back, and
     * whether it only shapes the classification after a merge (a merge may give it anew) or decided which
     * bytes a partial kept (it must then be the one recorded). In the order they are recorded.
     */
    public enum Key {
        INSPECTION("inspection", false, s -> onOff(s.inspection()), (b, v) -> b.inspection(on(v))),
        PROBING("probing", true, s -> onOff(s.probing()), (b, v) -> b.probing(on(v))),
        DECAPSULATION("decapsulate", false, s -> s.decapsulation().enabled() ? "auto" : "none",
                (b, v) -> b.decapsulation(new Decapsulation(v.equals("auto"), b.decapsulation.vxlanPorts()))),
        VXLAN_PORTS("vxlan-port", false, s -> Arrays.stream(s.decapsulation().vxlanPorts()).sorted()
                .mapToObj(Integer::toString).collect(Collectors.joining(",")),
                (b, v) -> b.decapsulation(new Decapsulation(b.decapsulation.enabled(), ports(v)))),
        IDLE_TIMEOUT("idle-timeout", false, s -> s.idleTimeout().toString(), (b, v) -> b.idleTimeout(Duration.parse(v))),
        PINHOLE_LIFETIME("pinhole-lifetime", true, s -> s.pinholeLifetime().toString(),
                (b, v) -> b.pinholeLifetime(Duration.parse(v))),
        MAX_FLOWS("max-flows", true, s -> Long.toString(s.maxFlows()), (b, v) -> b.maxFlows(Long.parseLong(v))),
        MAX_FLOW_ROWS("max-flow-rows", true, s -> Integer.toString(s.maxFlowRows()), (b, v) -> b.maxFlowRows(Integer.parseInt(v))),
        MAX_CONVERSATIONS("max-conversations", true, s -> Integer.toString(s.maxConversations()),
                (b, v) -> b.maxConversations(Integer.parseInt(v))),
        LIST_SCAN_FLOWS("list-scan-flows", true, s -> onOff(s.listScanFlows()), (b, v) -> b.listScanFlows(on(v)));

        private final String key;
        private final boolean classificationOnly;
        private final Function<AuditSettings, String> value;
        private final BiConsumer<Builder, String> reader;

        Key(String key, boolean classificationOnly, Function<AuditSettings, String> value, BiConsumer<Builder, String> reader) {
            this.key = key;
            this.classificationOnly = classificationOnly;
            this.value = value;
            this.reader = reader;
        }

        /** The name it is recorded under (the command line's option name, without its dashes and "no-"). */
        public String key() {
            return key;
        }

        /** Read only when the merged whole is classified: what a partial kept does not depend on it. */
        public boolean classificationOnly() {
            return classificationOnly;
        }

        /** Its value in {@code settings}, as recorded. */
        public String valueIn(AuditSettings settings) {
            return value.apply(settings);
        }
    }

    private static String onOff(boolean b) {
        return b ? "on" : "off";
    }

    private static boolean on(String v) {
        return v.equals("on");
    }

    private static int[] ports(String v) {
        return v.isEmpty() ? new int[0] : Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /** Every option as text, keyed by {@link Key#key()}, in the order of {@link Key}. */
    public Map<String, String> recorded() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Key k : Key.values()) {
            m.put(k.key(), k.valueIn(this));
        }
        return m;
    }

    /**
     * The settings {@code recorded} holds (as {@link #recorded()} gives them); an option it does not hold keeps
     * its value in {@code base}.
     *
     * @throws IllegalArgumentException when a value is not one this build records
     */
    public static AuditSettings fromRecorded(Map<String, String> recorded, AuditSettings base) {
        Builder b = base.toBuilder();
        for (Key k : Key.values()) {
            String v = recorded.get(k.key());
            if (v != null) {
                try {
                    k.reader.accept(b, v);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(k.key() + "=" + v + " is not a value this ucaudit records", e);
                }
            }
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().idleTimeout(idleTimeout).maxFlows(maxFlows).maxFlowRows(maxFlowRows).listScanFlows(listScanFlows)
                .maxConversations(maxConversations).inspection(inspection).probing(probing).decapsulation(decapsulation)
                .pinholeLifetime(pinholeLifetime);
    }

    /** Settings built one option at a time, from the defaults; {@link #build()} checks them. */
    public static final class Builder {
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private long maxFlows = DEFAULT_MAX_FLOWS;
        private int maxFlowRows = DEFAULT_MAX_FLOW_ROWS;
        private boolean listScanFlows;
        private int maxConversations = DEFAULT_MAX_CONVERSATIONS;
        private boolean inspection = true;
        private boolean probing = true;
        private Decapsulation decapsulation = Decapsulation.AUTO;
        private Duration pinholeLifetime = DEFAULT_PINHOLE_LIFETIME;

        private Builder() {
        }

        public Builder idleTimeout(Duration d) {
            idleTimeout = d;
            return this;
        }

        public Builder maxFlows(long n) {
            maxFlows = n;
            return this;
        }

        public Builder maxFlowRows(int n) {
            maxFlowRows = n;
            return this;
        }

        public Builder listScanFlows(boolean b) {
            listScanFlows = b;
            return this;
        }

        public Builder maxConversations(int n) {
            maxConversations = n;
            return this;
        }

        public Builder inspection(boolean b) {
            inspection = b;
            return this;
        }

        public Builder probing(boolean b) {
            probing = b;
            return this;
        }

        public Builder decapsulation(Decapsulation d) {
            decapsulation = d;
            return this;
        }

        public Builder pinholeLifetime(Duration d) {
            pinholeLifetime = d;
            return this;
        }

        public AuditSettings build() {
            return new AuditSettings(idleTimeout, maxFlows, maxFlowRows, listScanFlows, maxConversations, inspection, probing,
                    decapsulation, pinholeLifetime);
        }
    }
}
