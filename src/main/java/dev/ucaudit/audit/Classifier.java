package dev.ucaudit.audit;

import dev.ucaudit.inspect.Negotiation;
import dev.ucaudit.inspect.WireEvidence;
import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.CandidateSet;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogRule;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.catalog.Roles;
import dev.ucaudit.flow.Flow;
import dev.ucaudit.flow.FlowKey;
import dev.ucaudit.flow.InitiatorBasis;
import dev.ucaudit.flow.InitiatorRule;
import dev.ucaudit.flow.Side;
import dev.ucaudit.inventory.Host;
import dev.ucaudit.inventory.Inventory;
import dev.ucaudit.inventory.IpAddress;
import dev.ucaudit.roles.LearnedRoles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Turns a finished flow into a report row: who initiated it, which roles the hosts have, and
 * whether a catalog row (or signalling that a catalog row covers) documents it. The roles come from
 * the inventory when one was given; otherwise from the roles learned from the traffic ({@link
 * #withLearned}), and a host without any stays {@code unknown}: a row that needs a role of an unknown
 * host, or one a learned role does not rule out, makes the flow port-only; a row a learned role rules
 * out (a phone is nothing else, a call manager is no gateway) does not.
 */
public final class Classifier {
    private final Catalog catalog;
    private final Inventory inventory;
    private final InitiatorRule initiatorRule;
    /** Address to its host with the learned roles, used only without an inventory; empty before any was learned. */
    private final Map<IpAddress, Host> learned;

    public Classifier(Catalog catalog, Inventory inventory) {
        this(catalog, inventory, Map.of());
    }

    private Classifier(Catalog catalog, Inventory inventory, Map<IpAddress, Host> learned) {
        this.catalog = catalog;
        this.inventory = inventory;
        this.initiatorRule = new InitiatorRule(catalog.lookup());
        this.learned = learned;
    }

    /** True when roles are learned from the traffic: no inventory was given. */
    public boolean learnsRoles() {
        return !inventory.isPresent();
    }

    /** This classifier with the roles learned so far (address to its roles, the role first); ignored with an inventory. */
    public Classifier withLearned(Map<IpAddress, List<String>> roles) {
        Map<IpAddress, Host> hosts = new HashMap<>();
        roles.forEach((ip, learnedRoles) -> {
            Set<String> all = new HashSet<>();
            learnedRoles.forEach(r -> all.addAll(catalog.roles().closureOf(r)));
            hosts.put(ip, new Host(ip, learnedRoles.get(0), Set.copyOf(all), "", ""));
        });
        return new Classifier(catalog, inventory, Map.copyOf(hosts));
    }

    /** The inventory's host, or without an inventory the host with its learned role ({@code unknown} when none). */
    private Host host(byte[] address) {
        if (inventory.isPresent() || learned.isEmpty()) {
            return inventory.lookup(address);
        }
        Host h = learned.get(IpAddress.of(address));
        return h != null ? h : inventory.lookup(address);
    }

    /** True when a host's learned role rules out {@code wanted} ({@link LearnedRoles#excludes}); never for an unknown host. */
    private boolean excluded(Host h, String wanted) {
        return isLearned(h) && LearnedRoles.excludes(h.role(), catalog.roles().closureOf(wanted), wanted);
    }

    private boolean isLearned(Host h) {
        return !learned.isEmpty() && !inventory.isPresent() && learned.containsKey(h.address());
    }

    /**
     * An ICMP flow made of error messages whose quoted flow was not open: undocumented (no catalog row
     * covers an error about an unknown flow), with a reason naming the quoted flow; never "ping".
     */
    public FlowRecord icmpError(Flow flow, String reason) {
        return classify(flow, null, WireEvidence.NONE, reason);
    }

    /**
     * True for a tunnel's outer conversation that is monitoring transport, not traffic to audit: a switch's
     * mirror (ERSPAN) or a tunnel one of whose ends the inventory names {@code monitor}. It is listed in
     * summary.json's tunnels as capture transport, never as a flow.
     */
    public boolean captureTransport(Flow flow) {
        if (!flow.tunnelOuter()) {
            return false;
        }
        if (flow.tunnelMirror()) {
            return true;
        }
        FlowKey k = flow.key();
        return inventory.lookup(k.addressA()).is(MONITOR) || inventory.lookup(k.addressB()).is(MONITOR);
    }

    /** The role of a switch or probe that sends mirrored traffic to the sensor. */
    public static final String MONITOR = "monitor";

    public FlowRecord classify(Flow flow, Negotiation negotiation) {
        return classify(flow, negotiation, WireEvidence.NONE, null);
    }

    /**
     * @param evidence what the flow's first payloads showed: a row whose expected protocol the flow
     *                 clearly does not carry does not document it (another fitting row may)
     */
    public FlowRecord classify(Flow flow, Negotiation negotiation, WireEvidence evidence) {
        return classify(flow, negotiation, evidence, null);
    }

    private FlowRecord classify(Flow flow, Negotiation negotiation, WireEvidence evidence, String icmpError) {
        FlowKey k = flow.key();
        InitiatorRule.Decision decision = initiatorRule.decide(flow);
        flow.decision(decision); // a flow reported again in a later period keeps its initiator
        Side is = decision.initiator();
        Side rs = is.other();
        byte[] iAddr = is == Side.A ? k.addressA() : k.addressB();
        byte[] rAddr = is == Side.A ? k.addressB() : k.addressA();
        int iPort = is == Side.A ? k.portA() : k.portB();
        int rPort = is == Side.A ? k.portB() : k.portA();
        Host initiator = host(iAddr);
        Host responder = host(rAddr);

        Verdict verdict;
        String rule = "";
        String reason;
        ContentSeen content = ContentSeen.NOT_BY_PORT;
        if (icmpError != null) {
            verdict = Verdict.UNDOCUMENTED;
            reason = icmpError;
        } else if ((k.protocol() == IpProtocol.ICMP.number() || k.protocol() == IpProtocol.ICMPV6.number()) && IcmpKinds.beyondEcho(flow.icmpKinds())) {
            verdict = Verdict.UNDOCUMENTED; // not ping: no catalog row documents it
            reason = IcmpKinds.reason(k.protocol(), flow.icmpKinds()) + unknownHosts(initiator, responder);
        } else if (negotiation != null && negotiation.effect() == Negotiation.Effect.DOCUMENTS) {
            rule = negotiation.rule();
            CatalogRule cited = catalog.rule(rule).orElse(null);
            if (!inventory.isPresent() && cited != null && !fits(cited, initiator, responder)
                    && mayFitUnknown(cited, initiator, responder)) {
                verdict = Verdict.PORT_ONLY; // the call's own row needs roles nobody can check
                reason = negotiation.reason() + "; port-only: no inventory given, so nothing shows that its signalling ran"
                        + " between the " + cited.sourceRole() + " → " + cited.destinationRole() + " that " + cited.id()
                        + " needs (give --inventory to decide)";
            } else {
                verdict = Verdict.DOCUMENTED;
                reason = negotiation.reason();
            }
        } else {
            Outcome o = signallingPortRuledOut(k.protocol(), iPort, evidence)
                    .orElseGet(() -> byCatalog(k.protocol(), iPort, rPort, initiator, responder, evidence));
            verdict = o.verdict;
            rule = o.rule == null ? "" : o.rule.id();
            reason = o.reason;
            content = o.content;
            if (negotiation != null && negotiation.effect() == Negotiation.Effect.NOT_THE_PORTS_PROTOCOL) {
                verdict = Verdict.UNDOCUMENTED; // an inspector's own finding (a TFTP upload): not what the row documents
                rule = "";
                reason = negotiation.reason();
                content = ContentSeen.NOT_BY_PORT; // the port's protocol, used as its row does not document
            } else if (negotiation != null) {
                reason = reason + "; " + negotiation.reason();
            }
        }
        if (decision.basis() == InitiatorBasis.REPLY_ONLY) {
            reason = reason + "; only the reply was captured, oriented by its service port " + rPort + "/" + IpProtocol.label(k.protocol());
        }
        long icmpErrors = flow.icmpErrors();
        if (icmpErrors > 0) {
            reason = reason + "; " + icmpErrorClause(flow.icmpErrorKinds(), flow.packets(rs) == 0);
        }
        if (flow.tunnelOuter()) {
            reason = reason + "; the outer conversation of the tunnel " + flow.tunnel() + " (its inner flows are audited"
                    + " too, with this name in their tunnel column)";
        }
        return new FlowRecord(flow.firstSeenNanos(), flow.lastSeenNanos(),
                initiator.address(), iPort, responder.address(), rPort, IpProtocol.of(k.protocol()),
                flow.packets(Side.A) + flow.packets(Side.B), flow.bytes(Side.A) + flow.bytes(Side.B),
                initiator.role(), responder.role(), verdict, rule, reason, decision.basis().text(),
                initiator.name(), responder.name(), flow.packets(is), flow.packets(rs), flow.bytes(is), flow.bytes(rs),
                k.protocol() == IpProtocol.TCP.number() ? flow.tcpFlags(Side.A) | flow.tcpFlags(Side.B) : 0,
                flow.fragments(), icmpErrors, flow.tunnel() == null || flow.tunnelOuter() ? "" : flow.tunnel(), content,
                inventory.isPresent() ? RolesFrom.DECLARED : RolesFrom.learned(isLearned(initiator), isLearned(responder)));
    }

    /**
     * "rejected: port unreachable ×2" for a flow whose only answers were ICMP errors (Zeek's REJ), else
     * "ICMP errors: administratively prohibited ×1": the errors, by kind, counted apart from the packets.
     */
    static String icmpErrorClause(Map<String, Long> kinds, boolean onlyAnswers) {
        StringJoiner j = new StringJoiner(", ", onlyAnswers ? "rejected: " : "ICMP errors: ", "");
        kinds.forEach((kind, n) -> j.add(kind + " ×" + n));
        return j.toString();
    }

    private record Outcome(Verdict verdict, CatalogRule rule, String reason, ContentSeen content) {
        static Outcome undocumented(String reason) {
            return new Outcome(Verdict.UNDOCUMENTED, null, reason, ContentSeen.NOT_BY_PORT);
        }
    }

    /**
     * True when the hosts have the roles the row names (an unknown host has only {@code endpoint}), or
     * inherit the row through an {@code is_a} entry that names it (a voicemail port registering as a phone).
     */
    private boolean fits(CatalogRule r, Host initiator, Host responder) {
        Roles roles = catalog.roles();
        return (initiator.is(r.sourceRole()) || roles.matches(initiator.role(), r.sourceRole(), r.id()))
                && (responder.is(r.destinationRole()) || roles.matches(responder.role(), r.destinationRole(), r.id()));
    }

    /**
     * True when the row could fit if the hosts had roles they did not show: every end it does not fit
     * is unknown, or learned with a role that does not rule out the one the row needs (a learned DHCP
     * server may be the DNS server too; a phone is nothing else).
     */
    private boolean mayFitUnknown(CatalogRule r, Host initiator, Host responder) {
        Roles roles = catalog.roles();
        boolean source = initiator.is(r.sourceRole()) || roles.matches(initiator.role(), r.sourceRole(), r.id())
                || !excluded(initiator, r.sourceRole());
        boolean destination = responder.is(r.destinationRole()) || roles.matches(responder.role(), r.destinationRole(), r.id())
                || !excluded(responder, r.destinationRole());
        return source && destination;
    }

    /** Why a port-only flow is not documented: the roles the row needs are not known. */
    private static String rolesUnchecked(CatalogRule r) {
        return "port-only: no inventory given, so nothing shows that the hosts are the " + r.sourceRole()
                + " → " + r.destinationRole() + " that " + r.id() + " needs (give --inventory to decide)";
    }

    /** A documented outcome: the row, and whether the flow's content showed what the row expects. */
    private static Outcome documented(CatalogRule rule, String reason, WireEvidence evidence) {
        return new Outcome(Verdict.DOCUMENTED, rule, reason,
                evidence.confirms(rule.expected()) ? ContentSeen.CONFIRMED : ContentSeen.PORT_ALONE);
    }

    /**
     * A flow every fitting row of which expects a protocol it clearly does not carry (a flow documented
     * only by a media-range row must look like media): undocumented, citing the best of those rows.
     */
    private static Outcome contradicted(CatalogRule r, String what, WireEvidence evidence, String suffix) {
        String instead = evidence.insteadOf(r.expected()).orElseThrow();
        String names = String.join(" or ", r.expected().stream().map(AppProtocol::displayName).toList());
        String article = r.expected().iterator().next().article();
        return new Outcome(Verdict.UNDOCUMENTED, null, "not " + names + " on " + article + " " + names + " port: " + what
                + " is documented for " + names + " (" + r.id() + ") but this flow carries " + instead + ", not " + names
                + suffix, ContentSeen.CONTRADICTED);
    }

    /**
     * A flow from a signalling port (a row of the initiator's port names an inspector, which the
     * inspection gives either side of a flow) that clearly does not carry that signalling: not the port's
     * protocol, whatever the responder's port (HTTP sent from 5060 is "not SIP on a SIP port").
     */
    private Optional<Outcome> signallingPortRuledOut(int protocol, int iPort, WireEvidence evidence) {
        if (iPort < 0 || evidence.contradicted().isEmpty()) {
            return Optional.empty();
        }
        List<CatalogRule> rows = catalog.lookup().candidates(protocol, iPort).rules().stream()
                .sorted(Comparator.comparingInt((CatalogRule r) -> r.expected().size()).thenComparingInt(r -> r.ports().size()))
                .toList();
        for (CatalogRule r : rows) {
            if (r.inspect().isPresent() && evidence.insteadOf(r.expected()).isPresent()) {
                String what = iPort + "/" + IpProtocol.label(protocol);
                return Optional.of(contradicted(r, what, evidence, ""));
            }
        }
        return Optional.empty();
    }

    /**
     * The row that documents a flow to {@code port}: the first of {@code ordered} (the best fitting)
     * unless the flow's content rules its expectation out; then the next one that lists the port at
     * least as narrowly and whose expectation stands (a single port beside a media range, never a
     * catch-all range such as 1024-65535); empty when none.
     */
    private static Optional<CatalogRule> firstNotRuledOut(List<CatalogRule> ordered, WireEvidence evidence, int port) {
        CatalogRule best = ordered.get(0);
        if (evidence.insteadOf(best.expected()).isEmpty()) {
            return Optional.of(best);
        }
        int width = best.ports().isEmpty() ? 0 : best.ports().itemSizeAt(port);
        return ordered.stream().filter(r -> evidence.insteadOf(r.expected()).isEmpty())
                .filter(r -> r.ports().isEmpty() || r.ports().itemSizeAt(port) <= width).findFirst();
    }

    private Outcome byCatalog(int protocol, int iPort, int rPort, Host initiator, Host responder, WireEvidence evidence) {
        String proto = IpProtocol.label(protocol);
        String what = rPort >= 0 ? rPort + "/" + proto : proto;
        CandidateSet candidates = catalog.lookup().candidates(protocol, rPort);
        if (candidates.isEmpty()) {
            StringBuilder sb = new StringBuilder("no catalog row for ").append(what);
            if (iPort >= 0 && catalog.lookup().candidates(protocol, iPort).narrowestListening() <= 1000) {
                sb.append(" (the initiator's port ").append(iPort).append('/').append(proto)
                        .append(" is documented: ").append(ids(catalog.lookup().candidates(protocol, iPort).rules()))
                        .append(")");
            }
            sb.append(unknownHosts(initiator, responder));
            return Outcome.undocumented(sb.toString());
        }
        List<CatalogRule> fitting = new ArrayList<>();
        for (CatalogRule r : candidates.rules()) {
            if (fits(r, initiator, responder)) {
                fitting.add(r);
            }
        }
        boolean broadcast = fitting.isEmpty() && responder.address().isLimitedBroadcast();
        if (broadcast) {
            // heard by every host of the segment: the rows whose destination role the inventory has
            for (CatalogRule r : candidates.rules()) {
                if (initiator.is(r.sourceRole()) && !inventory.entriesWithRole(r.destinationRole()).isEmpty()) {
                    fitting.add(r);
                }
            }
        }
        if (!fitting.isEmpty()) {
            Roles roles = catalog.roles();
            List<CatalogRule> ordered = fitting.stream().sorted(Comparator
                    .comparingInt((CatalogRule r) -> -(roles.specificity(r.sourceRole()) + roles.specificity(r.destinationRole())))
                    .thenComparingInt(r -> r.ports().size())).toList();
            Optional<CatalogRule> best = firstNotRuledOut(ordered, evidence, rPort);
            if (best.isEmpty()) {
                return contradicted(ordered.get(0), what, evidence, unknownHosts(initiator, responder));
            }
            CatalogRule r = best.get();
            return documented(r, r.id() + ": " + r.purpose() + " (" + r.describe() + ")"
                    + (broadcast ? "; a broadcast to " + what + ", heard by the " + r.destinationRole() + " hosts of its segment" : ""),
                    evidence);
        }
        List<CatalogRule> open = inventory.isPresent() ? List.of()
                : candidates.rules().stream().filter(r -> mayFitUnknown(r, initiator, responder)).toList();
        if (!open.isEmpty()) {
            List<CatalogRule> ordered = open.stream().sorted(Comparator.comparingInt(r -> r.ports().size())).toList();
            Optional<CatalogRule> best = firstNotRuledOut(ordered, evidence, rPort);
            if (best.isEmpty()) {
                return contradicted(ordered.get(0), what, evidence, "; no inventory given");
            }
            CatalogRule r = best.get();
            return new Outcome(Verdict.PORT_ONLY, r, what + " matches " + r.id() + ": " + r.purpose() + " (" + r.describe()
                    + "); " + rolesUnchecked(r), ContentSeen.NOT_BY_PORT);
        }
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        for (CatalogRule r : candidates.rules()) {
            pairs.computeIfAbsent(r.sourceRole() + " → " + r.destinationRole(), x -> new ArrayList<>()).add(r.id());
        }
        StringJoiner allowed = new StringJoiner(", ");
        pairs.forEach((pair, ids) -> allowed.add(pair + " (" + String.join(", ", ids) + ")"));
        return Outcome.undocumented(what + " is documented only from " + allowed + "; this flow is "
                + initiator.role() + " → " + responder.role() + unknownHosts(initiator, responder));
    }

    private String unknownHosts(Host initiator, Host responder) {
        if (!inventory.isPresent()) {
            return isLearned(initiator) || isLearned(responder) ? "; roles learned from the traffic (no inventory given)"
                    : "; no inventory given";
        }
        StringBuilder sb = new StringBuilder();
        if (!initiator.inInventory()) {
            sb.append("; ").append(initiator.address().text()).append(" is not in the inventory");
        }
        if (!responder.inInventory()) {
            sb.append("; ").append(responder.address().text()).append(" is not in the inventory");
        }
        return sb.toString();
    }

    private static String ids(List<CatalogRule> rules) {
        return String.join(", ", rules.stream().map(CatalogRule::id).toList());
    }
}
