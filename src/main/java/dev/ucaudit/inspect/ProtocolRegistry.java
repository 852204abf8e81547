package dev.ucaudit.inspect;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.inspect.probe.ContentProbe;
import dev.ucaudit.inspect.probe.ProbeText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The protocols' registrations ({@link ProtocolModule}s listed in {@code META-INF/services}), asked by
 * the inspection, the content check and the partial recorder. Built per run (no static singleton);
 * immutable once built, so one may be shared between threads.
 */
public final class ProtocolRegistry {
    /** Payloads of a flow without an inspector that are probed for signalling (within its first packets). */
    public static final int PROBED_PAYLOADS = 3;
    /** Keep-alives skipped before a flow's probing or content check is given up. */
    public static final int SKIPPED_KEEPALIVES = 32;
    /** Payloads of a flow whose content is checked against what its port's rows expect. */
    public static final int CHECKED_PAYLOADS = 3;
    /** Most payloads from a flow's start that probing and the content check read: what a partial audit keeps whole. */
    public static final int MOST_PAYLOADS_READ = SKIPPED_KEEPALIVES + Math.max(PROBED_PAYLOADS, CHECKED_PAYLOADS);

    private final Map<AppProtocol, Registration> byProtocol;
    private final List<Registration> all;
    private final List<ContentProbe> probes;
    /** The protocol the others run over on their TLS ports, or null. */
    private final Registration tlsLayer;
    /** The registrations' later-payload tests (few of them have one): asked of every packet a partial may skip. */
    private final PayloadTest[] laterPayloads;

    private ProtocolRegistry(List<Registration> registrations) {
        Map<AppProtocol, Registration> m = new EnumMap<>(AppProtocol.class);
        List<ContentProbe> p = new ArrayList<>();
        Registration layer = null;
        for (Registration r : registrations) {
            if (m.putIfAbsent(r.protocol(), r) != null) {
                throw new IllegalStateException("two registrations for " + r.protocol());
            }
            if (r.carriesOthersOverTls()) {
                if (layer != null) {
                    throw new IllegalStateException("two protocols carry the others over TLS: " + layer.protocol() + ", " + r.protocol());
                }
                layer = r;
            }
            if (r.probe() != null) {
                p.add(r.probe());
            }
        }
        this.byProtocol = Collections.unmodifiableMap(m);
        this.all = List.copyOf(registrations);
        this.probes = List.copyOf(p);
        this.tlsLayer = layer;
        this.laterPayloads = registrations.stream().map(Registration::laterPayload).filter(t -> t != null)
                .toArray(PayloadTest[]::new);
    }

    /** Every registration the class path lists, in the order of its service file. */
    public static ProtocolRegistry standard() {
        List<Registration> found = new ArrayList<>();
        for (ProtocolModule m : ServiceLoader.load(ProtocolModule.class, ProtocolModule.class.getClassLoader())) {
            found.add(m.registration());
        }
        return new ProtocolRegistry(found);
    }

    public List<Registration> all() {
        return all;
    }

    public Optional<Registration> of(AppProtocol protocol) {
        return Optional.ofNullable(byProtocol.get(protocol));
    }

    /** The inspector of a protocol, for a new flow, if it has one. */
    public Optional<Inspector> newInspector(AppProtocol protocol) {
        Registration r = byProtocol.get(protocol);
        return r == null || r.inspector() == null ? Optional.empty() : Optional.of(r.inspector().get());
    }

    /** The protocols that have an inspector. */
    public Set<AppProtocol> inspected() {
        Set<AppProtocol> s = EnumSet.noneOf(AppProtocol.class);
        all.stream().filter(r -> r.inspector() != null).forEach(r -> s.add(r.protocol()));
        return s;
    }

    /** The probes for signalling on ports the catalog does not name for it, in registration order. */
    public List<ContentProbe> probes() {
        return probes;
    }

    /** The protocol that runs over TLS on this TCP port (SIP on 5061), if any. */
    public Optional<Registration> overTlsOn(int port) {
        for (Registration r : all) {
            if (r.tlsPorts().contains(port)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The protocol the others run over on their TLS ports (TLS), if one is registered. */
    public Optional<Registration> tlsLayer() {
        return Optional.ofNullable(tlsLayer);
    }

    /** True when a flow through a pinhole of this kind is a finding its signalling's rows do not document (a TFTP upload). */
    public boolean opensFinding(Channel kind) {
        for (Registration r : all) {
            if (r.findingKinds().contains(kind)) {
                return true;
            }
        }
        return false;
    }

    /** The protocols that run over TLS on some TCP ports, in registration order. */
    public List<AppProtocol> overTls() {
        return all.stream().filter(r -> !r.tlsPorts().isEmpty()).map(Registration::protocol).toList();
    }

    /** The protocols whose flows on their port that turn out not to carry them are counted, in registration order. */
    public List<AppProtocol> notOnPortCounted() {
        return all.stream().filter(Registration::notOnPortCounted).map(Registration::protocol).toList();
    }

    /** A keep-alive some protocol allows between its messages (SIP's CR/LF and STUN). */
    public boolean keepAlive(int ipProtocol, byte[] buf, int off, int len) {
        for (Registration r : all) {
            if (r.keepAlive() != null && r.runsOver(ipProtocol) && r.keepAlive().test(ipProtocol, buf, off, len)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when probing or a content check may skip this payload rather than count it among the payloads
     * it reads: a keep-alive of some registration, or a payload some recogniser over {@code ipProtocol}
     * answers {@link Look#SKIP} in either direction (a SKIP depends on the payload alone). A payload this
     * says false of uses up one of the {@link #PROBED_PAYLOADS} and {@link #CHECKED_PAYLOADS}, whatever
     * the flow: so a partial audit keeps whole what those read (see the engine's PartialRecorder).
     */
    public boolean maySkip(int ipProtocol, byte[] buf, int off, int len) {
        if (keepAlive(ipProtocol, buf, off, len)) {
            return true;
        }
        for (Registration r : all) {
            if (r.runsOver(ipProtocol)) {
                Recogniser recogniser = r.recogniser().forFlow(ipProtocol);
                for (Direction dir : Direction.values()) {
                    if (recogniser.look(dir, buf, off, len) == Look.SKIP) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * True when some probe that runs over {@code ipProtocol} detects its protocol in this payload or
     * asks for more data: a partial audit then keeps every payload of the conversation.
     */
    public boolean probeMayFind(int ipProtocol, byte[] buf, int off, int len) {
        for (ContentProbe p : probes) {
            if (p.runsOver(ipProtocol) && p.probe(buf, off, len) != Detection.INVALID) {
                return true;
            }
        }
        return false;
    }

    /** A payload past a conversation's first ones that an inspector may read on a negotiated channel (TPKT). */
    public boolean laterPayloadMayBeRead(int ipProtocol, byte[] buf, int off, int len) {
        for (PayloadTest t : laterPayloads) {
            if (t.test(ipProtocol, buf, off, len)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What one payload looks like, for a reason a person reads: the first protocol (other than those in
     * {@code besides}) whose recogniser says yes to it alone, else "text" or "binary data".
     */
    public String identify(int ipProtocol, byte[] buf, int off, int len, Set<AppProtocol> besides) {
        for (Registration r : all) {
            if (besides.contains(r.protocol()) || !r.runsOver(ipProtocol)) {
                continue;
            }
            try {
                if (r.recogniser().forFlow(ipProtocol).look(Direction.FROM_INITIATOR, buf, off, len) == Look.YES) {
                    return r.protocol().displayName();
                }
            } catch (RuntimeException e) {
                // a recogniser is written not to throw; should one, it names nothing
            }
        }
        return ProbeText.kind(buf, off, len);
    }
}
