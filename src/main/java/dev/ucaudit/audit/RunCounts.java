package dev.ucaudit.audit;

import dev.ucaudit.packet.CaptureProblem;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run read and could not read, as readers get it (the counting half of summary.json): a
 * snapshot of the audit's {@link RunStats}, which only the audit changes. Immutable.
 *
 * @param inputs           per input, in order of first appearance
 * @param tunnels          the tunnels packets came through
 * @param firstNanos       the first packet's time ({@link Long#MAX_VALUE} when none was read)
 * @param lastNanos        the last packet's time ({@link Long#MIN_VALUE} when none was read)
 * @param undecodable      packets not decodable, by reason category
 * @param unknownLinkTypes packets of link types not decoded, by link type
 * @param problems         problems kept word for word (at most {@link RunStats#PROBLEMS_KEPT})
 * @param problemsTotal    every problem, kept or only counted
 */
public record RunCounts(List<Input> inputs, long packets, long bytes, long ipPackets, long nonIpPackets, long fragments,
                        Tunnels tunnels, long firstNanos, long lastNanos, Map<String, Long> undecodable,
                        Map<Integer, Long> unknownLinkTypes, List<CaptureProblem> problems, long problemsTotal) {
    public RunCounts {
        inputs = List.copyOf(inputs);
        undecodable = Collections.unmodifiableMap(new TreeMap<>(undecodable)); // in order, as summary.json lists them
        unknownLinkTypes = Collections.unmodifiableMap(new TreeMap<>(unknownLinkTypes));
        problems = List.copyOf(problems);
    }

    /**
     * One input: packets read and problems.
     *
     * @param readCompletely false when bytes of the input were lost (damage skipped, reading stopped early, not opened)
     * @param notes          oddities that lost nothing, each noted once (see {@link CaptureProblem#isNote()})
     */
    public record Input(String name, long packets, long problems, String error, boolean readCompletely, List<String> notes) {
        public Input {
            notes = List.copyOf(notes);
        }
    }

    /**
     * The tunnels packets came through.
     *
     * @param packets           frames that came through a tunnel
     * @param tunnels           each tunnel kept (at most {@link TunnelStats#MAX_TUNNELS}), in the order summary.json lists them
     * @param packetsOfUnlisted frames of tunnels beyond those kept
     */
    public record Tunnels(long packets, List<TunnelStats.Tunnel> tunnels, long packetsOfUnlisted) {
        public Tunnels {
            tunnels = List.copyOf(tunnels);
        }
    }

    public long undecodableTotal() {
        return undecodable.values().stream().mapToLong(Long::longValue).sum();
    }
}
