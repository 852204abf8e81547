package dev.ucaudit.inspect;

import dev.ucaudit.catalog.AppProtocol;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One flow's check of what its ports' catalog rows expect on the wire: the recognisers of those
 * protocols read its first {@link ProtocolRegistry#CHECKED_PAYLOADS} payloads (keep-alives, up to
 * {@link ProtocolRegistry#SKIPPED_KEEPALIVES}, are skipped), each direction's in order, and each says
 * yes, no (the flow then gets what it looks like instead) or cannot tell. Nothing more is read once
 * every protocol is decided or the payloads are used up.
 */
final class ContentCheck {
    private static final byte PENDING = 0;
    private static final byte YES = 1;
    private static final byte NO = 2;

    private final AppProtocol[] protocols;
    private final Recogniser[] recognisers;
    private final byte[] answers;
    private final String[] instead;
    private final int ipProtocol;
    /** The protocol that TLS on this flow's port is (SIP on 5061/tcp), or null. */
    private final AppProtocol overTls;
    private int payloadsLeft = ProtocolRegistry.CHECKED_PAYLOADS;
    private int keepAlivesLeft = ProtocolRegistry.SKIPPED_KEEPALIVES;
    private int undecided;

    private ContentCheck(AppProtocol[] protocols, Recogniser[] recognisers, int ipProtocol, AppProtocol overTls) {
        this.protocols = protocols;
        this.recognisers = recognisers;
        this.answers = new byte[protocols.length];
        this.instead = new String[protocols.length];
        this.ipProtocol = ipProtocol;
        this.overTls = overTls;
        this.undecided = protocols.length;
    }

    /** The check of {@code expected} on a flow over {@code ipProtocol}; null when no registered protocol of it runs there. */
    static ContentCheck of(AppProtocol[] plan, ProtocolRegistry registry, int ipProtocol, AppProtocol overTls) {
        if (plan.length == 0) {
            return null;
        }
        Recogniser[] rs = new Recogniser[plan.length];
        for (int i = 0; i < plan.length; i++) {
            rs[i] = registry.of(plan[i]).orElseThrow().recogniser().forFlow(ipProtocol);
        }
        return new ContentCheck(plan, rs, ipProtocol, overTls);
    }

    /**
     * The protocols a flow over {@code ipProtocol} is checked for: those of {@code expected} registered
     * over it, and TLS when the flow is on the TLS port of one of them ({@code overTls}). Shared by every
     * flow with the same ports' rows (never changed).
     */
    static AppProtocol[] plan(Set<AppProtocol> expected, ProtocolRegistry registry, int ipProtocol, AppProtocol overTls) {
        Set<AppProtocol> checked = EnumSet.noneOf(AppProtocol.class);
        for (AppProtocol p : expected) {
            registry.of(p).filter(r -> r.runsOver(ipProtocol)).ifPresent(r -> checked.add(p));
        }
        if (overTls != null && expected.contains(overTls)) {
            registry.of(AppProtocol.TLS).filter(r -> r.runsOver(ipProtocol)).ifPresent(r -> checked.add(AppProtocol.TLS));
        }
        return checked.toArray(AppProtocol[]::new);
    }

    /** True while payloads are still read. */
    boolean pending() {
        return undecided > 0 && payloadsLeft > 0 && keepAlivesLeft > 0;
    }

    /** Reads one payload, when the check is still pending. */
    void offer(Direction dir, byte[] buf, int off, int len, ProtocolRegistry registry) {
        if (!pending() || len <= 0) {
            return;
        }
        boolean skipped = true;
        String what = null;
        for (int i = 0; i < protocols.length; i++) {
            if (answers[i] != PENDING) {
                continue;
            }
            Look look;
            try {
                look = recognisers[i].look(dir, buf, off, len);
            } catch (RuntimeException e) {
                look = Look.MORE; // a recogniser is written not to throw; should one, it cannot tell
            }
            if (look != Look.SKIP) {
                skipped = false;
            }
            if (look == Look.YES) {
                answers[i] = YES;
                undecided--;
            } else if (look == Look.NO) {
                if (what == null) {
                    what = registry.identify(ipProtocol, buf, off, len, Set.of(protocols));
                }
                answers[i] = NO;
                instead[i] = what;
                undecided--;
            }
        }
        if (skipped) {
            keepAlivesLeft--;
        } else {
            payloadsLeft--;
        }
    }

    /** True when the flow clearly does not carry {@code p} (a protocol this check reads). */
    boolean rulesOut(AppProtocol p) {
        for (int i = 0; i < protocols.length; i++) {
            if (protocols[i] == p) {
                return answers[i] == NO && !(p == overTls && tlsConfirmed());
            }
        }
        return false;
    }

    private boolean tlsConfirmed() {
        for (int i = 0; i < protocols.length; i++) {
            if (protocols[i] == AppProtocol.TLS) {
                return answers[i] == YES;
            }
        }
        return false;
    }

    WireEvidence evidence() {
        Set<AppProtocol> yes = EnumSet.noneOf(AppProtocol.class);
        Map<AppProtocol, String> no = new EnumMap<>(AppProtocol.class);
        for (int i = 0; i < protocols.length; i++) {
            if (answers[i] == YES) {
                yes.add(protocols[i]);
            } else if (answers[i] == NO) {
                no.put(protocols[i], instead[i]);
            }
        }
        if (overTls != null && yes.contains(AppProtocol.TLS)) {
            yes.add(overTls); // TLS on SIP's TLS port is SIP over TLS
            no.remove(overTls);
        }
        return new WireEvidence(yes, no);
    }
}
