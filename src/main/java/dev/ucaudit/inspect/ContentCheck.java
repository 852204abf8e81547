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
 * of each payload yes, no or cannot tell. One payload that is not the protocol does not condemn the
 * flow (a junk datagram sent first must not switch off a call's checks): a protocol is ruled out only
 * when none of the payloads read said yes and at least one said no, once the payloads are used up
 * (or, at the flow's end, of those it had); the flow then gets what its last such payload looked
 * like. A yes is final. Nothing more is read once every protocol said yes or the payloads are used up.
 */
final class ContentCheck {
    private static final byte PENDING = 0;
    private static final byte YES = 1;
    private static final byte NO = 2;

    private final AppProtocol[] protocols;
    private final Recogniser[] recognisers;
    private final byte[] answers;
    /** Per protocol: payloads that said no while the answer was pending, and what the last looked like. */
    private final int[] noes;
    private final String[] instead;
    /** Per protocol: whether the last payload read said no (that payload is not the protocol's message). */
    private final boolean[] lastNo;
    private final int ipProtocol;
    /** The protocol that TLS on this flow's port is (SIP on 5061/tcp), or null. */
    private final AppProtocol overTls;
    /** The protocol the others run over on their TLS ports (the registry's TLS layer), or null. */
    private final AppProtocol tlsLayer;
    private int payloadsLeft = ProtocolRegistry.CHECKED_PAYLOADS;
    private int keepAlivesLeft = ProtocolRegistry.SKIPPED_KEEPALIVES;
    private int undecided;

    private ContentCheck(AppProtocol[] protocols, Recogniser[] recognisers, int ipProtocol, AppProtocol overTls,
                         AppProtocol tlsLayer) {
        this.protocols = protocols;
        this.recognisers = recognisers;
        this.answers = new byte[protocols.length];
        this.noes = new int[protocols.length];
        this.instead = new String[protocols.length];
        this.lastNo = new boolean[protocols.length];
        this.ipProtocol = ipProtocol;
        this.overTls = overTls;
        this.tlsLayer = tlsLayer;
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
        return new ContentCheck(plan, rs, ipProtocol, overTls, registry.tlsLayer().map(Registration::protocol).orElse(null));
    }

    /**
     * The protocols a flow over {@code ipProtocol} is checked for: those of {@code expected} registered
     * over it, and the TLS layer when the flow is on the TLS port of one of them ({@code overTls}). Shared by every
     * flow with the same ports' rows (never changed).
     */
    static AppProtocol[] plan(Set<AppProtocol> expected, ProtocolRegistry registry, int ipProtocol, AppProtocol overTls) {
        Set<AppProtocol> checked = EnumSet.noneOf(AppProtocol.class);
        for (AppProtocol p : expected) {
            registry.of(p).filter(r -> r.runsOver(ipProtocol)).ifPresent(r -> checked.add(p));
        }
        if (overTls != null && expected.contains(overTls)) {
            registry.tlsLayer().filter(r -> r.runsOver(ipProtocol)).ifPresent(r -> checked.add(r.protocol()));
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
            lastNo[i] = false;
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
                noes[i]++;
                instead[i] = what;
                lastNo[i] = true;
            }
        }
        if (skipped) {
            keepAlivesLeft--;
        } else {
            payloadsLeft--;
        }
        if (payloadsLeft == 0) {
            settle();
        }
    }

    /** The payloads are used up: each protocol still pending that some payload said no to is ruled out. */
    private void settle() {
        for (int i = 0; i < protocols.length; i++) {
            if (answers[i] == PENDING && noes[i] > 0) {
                answers[i] = NO;
                undecided--;
            }
        }
    }

    /** True when the last payload read said it is not {@code p} (while {@code p} was still pending). */
    boolean lastSaidNo(AppProtocol p) {
        for (int i = 0; i < protocols.length; i++) {
            if (protocols[i] == p) {
                return lastNo[i];
            }
        }
        return false;
    }

    /** True once some payload said the flow is {@code p}. */
    boolean confirms(AppProtocol p) {
        for (int i = 0; i < protocols.length; i++) {
            if (protocols[i] == p) {
                return answers[i] == YES;
            }
        }
        return false;
    }

    /** Payloads that said no to {@code p} before it was decided. */
    int noes(AppProtocol p) {
        for (int i = 0; i < protocols.length; i++) {
            if (protocols[i] == p) {
                return noes[i];
            }
        }
        return 0;
    }

    /** What the flow looked like to {@code p}'s recogniser when it last said no, or null. */
    String lookedLike(AppProtocol p) {
        for (int i = 0; i < protocols.length; i++) {
            if (protocols[i] == p) {
                return instead[i];
            }
        }
        return null;
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
            if (protocols[i] == tlsLayer) {
                return answers[i] == YES;
            }
        }
        return false;
    }

    /**
     * What the check found. At the flow's end a protocol still pending that every payload read said no
     * to (fewer payloads than the budget, none of them the protocol) counts as ruled out too.
     */
    WireEvidence evidence() {
        Set<AppProtocol> yes = EnumSet.noneOf(AppProtocol.class);
        Map<AppProtocol, String> no = new EnumMap<>(AppProtocol.class);
        for (int i = 0; i < protocols.length; i++) {
            if (answers[i] == YES) {
                yes.add(protocols[i]);
            } else if (answers[i] == NO || noes[i] > 0) {
                no.put(protocols[i], instead[i]);
            }
        }
        if (overTls != null && tlsLayer != null && yes.contains(tlsLayer)) {
            yes.add(overTls); // TLS on SIP's TLS port is SIP over TLS
            no.remove(overTls);
        }
        return new WireEvidence(yes, no);
    }
}
