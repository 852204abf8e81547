package dev.ucaudit.audit;

import dev.ucaudit.packet.CaptureProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the run read and could not read, counted while reading (by the audit and the partial audits
 * it joins); readers get the snapshot {@link #counts()}.
 */
public final class RunStats {
    /** Problems kept word for word; beyond this only counted. */
    public static final int PROBLEMS_KEPT = 200;

    /** Per input: packets read and problems. */
    public static final class InputStats {
        public final String name;
        public long packets;
        public long problems;
        public String error = "";
        /** False when bytes of the input were lost (damage skipped, reading stopped early, not opened). */
        public boolean readCompletely = true;
        /** Oddities that lost nothing, each noted once (see {@link CaptureProblem#isNote()}). */
        public final List<String> notes = new ArrayList<>();
        /** While reading: the latest packet time of this input, and whether its clock was seen to jump back. */
        long lastPacketNanos = Long.MIN_VALUE;
        boolean clockJumpedBack;

        InputStats(String name) {
            this.name = name;
        }
    }

    private final Map<String, InputStats> inputs = new LinkedHashMap<>();
    public long packets;
    public long bytes;
    public long ipPackets;
    public long nonIpPackets;
    public long fragments;
    /** The tunnels packets came through (outer endpoints, type, frames, bytes). */
    public final TunnelStats tunnels = new TunnelStats();
    public long firstNanos = Long.MAX_VALUE;
    public long lastNanos = Long.MIN_VALUE;
    /** Packets not decodable, by reason category. */
    private final Map<String, Long> undecodable = new TreeMap<>();
    private final Map<Integer, Long> unknownLinkTypes = new TreeMap<>();
    private final List<CaptureProblem> problems = new ArrayList<>();
    private long problemsTotal;

    public InputStats input(String name) {
        return inputs.computeIfAbsent(name, InputStats::new);
    }

    public List<InputStats> inputs() {
        return List.copyOf(inputs.values());
    }

    public void undecodable(String category) {
        undecodable.merge(category, 1L, Long::sum);
    }

    public void unknownLinkType(int linkType) {
        unknownLinkTypes.merge(linkType, 1L, Long::sum);
    }

    public Map<String, Long> undecodable() {
        return undecodable;
    }

    public long undecodableTotal() {
        return undecodable.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<Integer, Long> unknownLinkTypes() {
        return unknownLinkTypes;
    }

    /**
     * Keeps the problem (up to {@link #PROBLEMS_KEPT}); returns true when it was kept. A note is kept
     * with its input and is not a problem; a problem that lost data marks its input not read completely.
     */
    public boolean problem(CaptureProblem p) {
        if (p.isNote()) {
            input(p.source()).notes.add(p.message());
            return true;
        }
        problemsTotal++;
        input(p.source()).problems++;
        if (p.fatal() || p.lostData()) {
            input(p.source()).readCompletely = false;
        }
        if (problems.size() < PROBLEMS_KEPT) {
            problems.add(p);
            return true;
        }
        return false;
    }

    public List<CaptureProblem> problems() {
        return List.copyOf(problems);
    }

    public long problemsTotal() {
        return problemsTotal;
    }

    /**
     * Adds the counts of another part of the packets, read after this one (a partial audit): inputs
     * in order of first appearance, problems kept up to {@link #PROBLEMS_KEPT} in order.
     */
    public void add(RunStats o) {
        for (InputStats other : o.inputs.values()) {
            InputStats mine = input(other.name);
            mine.packets += other.packets;
            mine.problems += other.problems;
            if (mine.error.isEmpty()) {
                mine.error = other.error;
            }
            mine.readCompletely &= other.readCompletely;
            mine.notes.addAll(other.notes);
        }
        packets += o.packets;
        bytes += o.bytes;
        ipPackets += o.ipPackets;
        nonIpPackets += o.nonIpPackets;
        fragments += o.fragments;
        tunnels.add(o.tunnels);
        firstNanos = Math.min(firstNanos, o.firstNanos);
        lastNanos = Math.max(lastNanos, o.lastNanos);
        o.undecodable.forEach((k, v) -> undecodable.merge(k, v, Long::sum));
        o.unknownLinkTypes.forEach((k, v) -> unknownLinkTypes.merge(k, v, Long::sum));
        for (CaptureProblem p : o.problems) {
            if (problems.size() < PROBLEMS_KEPT) {
                problems.add(p);
            }
        }
        problemsTotal += o.problemsTotal;
    }

    /** Restores counts written with a partial audit (see engine/PartialAuditFormat). */
    public void restore(Map<String, Long> undecodableCounts, Map<Integer, Long> linkTypes, List<CaptureProblem> kept,
                        long total) {
        undecodable.putAll(undecodableCounts);
        unknownLinkTypes.putAll(linkTypes);
        problems.addAll(kept);
        problemsTotal = total;
    }

    public void time(long nanos) {
        if (nanos < firstNanos) {
            firstNanos = nanos;
        }
        if (nanos > lastNanos) {
            lastNanos = nanos;
        }
    }

    /** A snapshot of the counts so far, for readers (the report, the command line). */
    public RunCounts counts() {
        return new RunCounts(inputs.values().stream().map(i -> new RunCounts.Input(i.name, i.packets, i.problems, i.error,
                i.readCompletely, i.notes)).toList(), packets, bytes, ipPackets, nonIpPackets, fragments,
                new RunCounts.Tunnels(tunnels.packets(), tunnels.tunnels(), tunnels.packetsOfUnlisted()), firstNanos, lastNanos,
                undecodable, unknownLinkTypes, problems, problemsTotal);
    }
}
