package dev.ucaudit.inspect;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.stream.BufferBudget;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A ready-made {@link InspectionContext} for one flow: registers expectations in an
 * {@link ExpectationTable} (with a tag, e.g. the catalog row of the signalling, that
 * {@link ExpectationTable#lastMatchTag()} gives back) and counts into one inspector's
 * {@link InspectorStats.Counters}. The timestamp is set per packet with {@link #at(long)}.
 */
public final class FlowInspectionContext implements InspectionContext {
    private final InetAddress initiator;
    private final int initiatorPort;
    private final InetAddress responder;
    private final int responderPort;
    private final IpProtocol protocol;
    private final ExpectationTable table;
    private final InspectorStats.Counters counters;
    private final Object tag;
    private final BufferBudget buffers;
    private long timestampNanos;
    private String finding;

    public FlowInspectionContext(InetAddress initiator, int initiatorPort, InetAddress responder, int responderPort,
            IpProtocol protocol, ExpectationTable table, InspectorStats.Counters counters) {
        this(initiator, initiatorPort, responder, responderPort, protocol, table, counters, null);
    }

    /** @param tag kept with every expectation this flow registers (may be null) */
    public FlowInspectionContext(InetAddress initiator, int initiatorPort, InetAddress responder, int responderPort,
            IpProtocol protocol, ExpectationTable table, InspectorStats.Counters counters, Object tag) {
        this(initiator, initiatorPort, responder, responderPort, protocol, table, counters, tag, null);
    }

    /** @param buffers the run's reassembly budget (may be null) */
    public FlowInspectionContext(InetAddress initiator, int initiatorPort, InetAddress responder, int responderPort,
            IpProtocol protocol, ExpectationTable table, InspectorStats.Counters counters, Object tag, BufferBudget buffers) {
        this.buffers = buffers;
        this.initiator = Objects.requireNonNull(initiator);
        this.initiatorPort = initiatorPort;
        this.responder = Objects.requireNonNull(responder);
        this.responderPort = responderPort;
        this.protocol = Objects.requireNonNull(protocol);
        this.table = Objects.requireNonNull(table);
        this.counters = Objects.requireNonNull(counters);
        this.tag = tag;
    }

    /** Sets the current packet's timestamp (and advances the table's clock). */
    public FlowInspectionContext at(long timestampNanos) {
        this.timestampNanos = timestampNanos;
        table.advanceTo(timestampNanos);
        return this;
    }

    @Override public InetAddress initiator() { return initiator; }
    @Override public int initiatorPort() { return initiatorPort; }
    @Override public InetAddress responder() { return responder; }
    @Override public int responderPort() { return responderPort; }
    @Override public IpProtocol protocol() { return protocol; }
    @Override public long timestampNanos() { return timestampNanos; }
    @Override public BufferBudget buffers() { return buffers; }

    @Override
    public void expect(Expectation e) {
        table.add(e, tag);
        counters.expectation();
    }

    @Override
    public void finding(String reason) {
        if (finding == null) {
            finding = reason;
        }
    }

    /** What the inspector found this flow carries against its row (see {@link #finding(String)}), or null. */
    public String finding() {
        return finding;
    }

    @Override
    public void malformed(String detail) {
        counters.malformed(detail);
    }

    @Override
    public void message(String type) {
        counters.message();
    }

    @Override
    public void call() {
        counters.call();
    }

    @Override
    public void registration() {
        counters.registration();
    }
}
