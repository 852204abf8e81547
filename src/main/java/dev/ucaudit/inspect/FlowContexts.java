package dev.ucaudit.inspect;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.flow.Flow;
import dev.ucaudit.flow.FlowKey;
import dev.ucaudit.flow.Side;
import dev.ucaudit.inspect.stream.BufferBudget;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Makes the inspection context of a flow: its addresses, the run's pinhole table, counters and reassembly budget. */
final class FlowContexts {
    private final ExpectationTable table;
    private final InspectorStats stats;
    private final BufferBudget buffers;

    FlowContexts(ExpectationTable table, InspectorStats stats, BufferBudget buffers) {
        this.table = table;
        this.stats = stats;
        this.buffers = buffers;
    }

    /** The inspection context of one flow: the first sender stands for the initiator. */
    FlowInspectionContext of(Flow flow, String inspector, Object rule) {
        FlowKey k = flow.key();
        boolean aFirst = flow.firstSender() == Side.A;
        return new FlowInspectionContext(address(aFirst ? k.addressA() : k.addressB()), aFirst ? k.portA() : k.portB(),
                address(aFirst ? k.addressB() : k.addressA()), aFirst ? k.portB() : k.portA(),
                new IpProtocol(k.protocol()), table, stats.of(inspector), rule, buffers);
    }

    static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of length " + bytes.length, e);
        }
    }
}
