package dev.ucaudit.engine;

import dev.ucaudit.audit.RunStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What auditing a part of the packets yields before anything is classified: per input part, the
 * run statistics and the IP packets as {@link PacketBlock}s (see {@link PartialRecorder} for which
 * keep their bytes) and {@link Runs} (packets aggregated per flow, see {@link FlowRuns}). {@link #merge} is exact, associative and commutative: parts are kept in the
 * order (run, sequence, input name, first packet time: see {@link Part}), and {@link AuditEngine#classify} replays the
 * merged whole through the same flow table, inspection and classifier as one run, so a flow or a
 * pinhole crossing from one part into the next is joined as in one run. Immutable once built.
 */
public final class PartialAudit {
    /**
     * One input part: its place in the order, its counts, its packets. {@code runName} keeps the inputs
     * of one run together (the name of the run's first input; empty for parts collected one by one),
     * {@code sequence} is the input's place in its run; {@code runs} the packets it aggregated, in
     * the order of their last packets.
     */
    record Part(String runName, long sequence, String name, RunStats stats, List<PacketBlock> blocks, Runs runs) {
        Part {
            blocks = List.copyOf(blocks);
        }

        long firstNanos() {
            return stats.firstNanos;
        }
    }

    static final Comparator<Part> ORDER = Comparator.comparing(Part::runName).thenComparingLong(Part::sequence)
            .thenComparing(Part::name)
            .thenComparingLong(Part::firstNanos).thenComparingLong(p -> p.stats().packets);

    private final List<Part> parts;
    /** What the parts were recorded with; null only for {@link #empty()}. */
    private final RecordedOptions options;

    PartialAudit(List<Part> parts, RecordedOptions options) {
        List<Part> sorted = new ArrayList<>(parts);
        sorted.sort(ORDER);
        this.parts = List.copyOf(sorted);
        this.options = options;
    }

    /** Nothing read yet: the identity of {@link #merge}. */
    public static PartialAudit empty() {
        return new PartialAudit(List.of(), null);
    }

    /**
     * Both parts' packets as one audit would read them: the inputs of one run in their order, runs
     * in the order of their first input's name; inputs collected one by one by their sequence.
     *
     * @throws IllegalArgumentException when they were recorded with different options (see {@link RecordedOptions})
     */
    public static PartialAudit merge(PartialAudit a, PartialAudit b) {
        return mergeAll(List.of(a, b));
    }

    /** All of them as one audit would read them (one sort, however many: see {@link #merge}). */
    public static PartialAudit mergeAll(List<PartialAudit> partials) {
        List<Part> all = new ArrayList<>();
        RecordedOptions options = null;
        for (PartialAudit p : partials) {
            if (p.options != null) {
                if (options != null) {
                    requireJoinable(options, p.options);
                }
                options = p.options;
            }
            all.addAll(p.parts);
        }
        return new PartialAudit(all, options);
    }

    /** @throws IllegalArgumentException when partials recorded with {@code a} and {@code b} cannot be merged */
    static void requireJoinable(RecordedOptions a, RecordedOptions b) {
        String diff = a.firstDifference(b, "one partial audit", "another", null).orElse(null);
        if (diff != null) {
            throw new IllegalArgumentException(diff + ": they cannot be merged into one audit's report");
        }
    }

    /** What the parts were recorded with (empty for {@link #empty()}). */
    public Optional<RecordedOptions> options() {
        return Optional.ofNullable(options);
    }

    /**
     * The same parts as recorded with {@code given}: a merge that gave the classification-only options
     * anew (see {@link RecordedOptions#CLASSIFICATION_ONLY}) writes its partial with what it used.
     */
    public PartialAudit recordedWith(RecordedOptions given) {
        return new PartialAudit(parts, given);
    }

    /** How many input parts (captures, periods) this holds. */
    public int partCount() {
        return parts.size();
    }

    List<Part> parts() {
        return parts;
    }

    /** Packets read in all parts (IP or not). */
    public long packets() {
        return parts.stream().mapToLong(p -> p.stats().packets).sum();
    }

    /** Packets kept with their whole frame, and the bytes of those frames (what a partial costs beyond its counts). */
    public long framesKept() {
        long n = 0;
        for (Part p : parts) {
            for (PacketBlock b : p.blocks()) {
                for (int i = 0; i < b.count; i++) {
                    n += b.isFrame(i) ? 1 : 0;
                }
            }
        }
        return n;
    }

    /** Packets kept as aggregates (runs) rather than one record each, and the runs. */
    public long packetsInRuns() {
        return parts.stream().mapToLong(p -> p.runs().packets()).sum();
    }

    public long runs() {
        return parts.stream().mapToLong(p -> p.runs().count).sum();
    }

    /** Writes the versioned binary form (gzip inside); see {@link PartialAuditFormat}. */
    public void write(OutputStream out) throws IOException {
        PartialAuditFormat.write(this, out);
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @param name names the input in error messages
     * @throws IOException when the stream is not a partial audit of a version this build reads, or is cut short
     */
    public static PartialAudit read(InputStream in, String name) throws IOException {
        return PartialAuditFormat.read(in, name, PartialBudget.ofHeap());
    }

    /** Reads what {@link #write} wrote, counting what it holds against {@code budget} (one budget for all a merge reads). */
    public static PartialAudit read(InputStream in, String name, PartialBudget budget) throws IOException {
        return PartialAuditFormat.read(in, name, budget);
    }
}
