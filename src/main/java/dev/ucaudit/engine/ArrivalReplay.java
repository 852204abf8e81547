package dev.ucaudit.engine;

import dev.ucaudit.audit.AuditListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Phase two fed as phase one's partial audits arrive (the spark command's tasks end in any order): the
 * parts there from the start (reports' partial audits) and the parts still to come (the files each task
 * reads, named before it starts) are put in the merged order ({@link PartialAudit#ORDER}) up front, and
 * each part is replayed into one engine as soon as it and every part before it are there. So the driver
 * classifies while the tasks still read, and the outcome is that of {@link AuditEngine#classify} of the
 * merge of all of them, exactly. A task's partial audit is let go once its last part is replayed, unless
 * the merged whole is asked for (a {@code --partial} run writes it).
 *
 * <p>Where a coming part's place cannot be known before it arrives (a report part with the run, sequence
 * and name of a file a task reads: the order then also looks at the first packet's time), every task is
 * waited for first and the whole is merged and classified at once: the same outcome, without the overlap.
 */
public final class ArrivalReplay {
    /** A file a task reads, by what places its part in the merged order. */
    public record Coming(String runName, long sequence, String name) {
    }

    /** Where the tasks' partial audits come from. */
    public interface Arrivals {
        /** Task {@code task}'s partial audit, once it is there (blocks until then). */
        PartialAudit await(int task);

        /** Task {@code task}'s partial audit was replayed and is no longer held. */
        void release(int task);
    }

    /**
     * @param outcome the classified whole
     * @param whole   the merged partial audits when asked for, else {@link PartialAudit#empty()}
     */
    public record Result(AuditOutcome outcome, PartialAudit whole) {
    }

    private static final Comparator<Item> PLACE = Comparator.comparing(Item::runName).thenComparingLong(Item::sequence)
            .thenComparing(Item::name);

    /** A part in the merged order: there already ({@code ready}) or the {@code file}th of task {@code task}'s. */
    private record Item(String runName, long sequence, String name, PartialAudit.Part ready, int task) {
    }

    private ArrivalReplay() {
    }

    /**
     * @param ready     partial audits there from the start
     * @param tasks     per task, the files it reads (each becomes one part of its partial audit)
     * @param keepWhole whether the merged whole is returned (else each task's partial is let go once replayed)
     * @throws IllegalArgumentException when partials were recorded with options that cannot be merged
     * @throws IllegalStateException    when a task's partial audit does not hold a part for each of its files
     */
    public static Result classify(AuditConfig config, AuditListener listener, List<PartialAudit> ready,
                                  List<List<Coming>> tasks, Arrivals arrivals, boolean keepWhole) {
        List<Item> items = new ArrayList<>();
        PartialAudit there = PartialAudit.mergeAll(ready);
        RecordedOptions options = there.options().orElse(null);
        for (PartialAudit.Part p : there.parts()) {
            items.add(new Item(p.runName(), p.sequence(), p.name(), p, -1));
        }
        for (int t = 0; t < tasks.size(); t++) {
            for (Coming c : tasks.get(t)) {
                items.add(new Item(c.runName(), c.sequence(), c.name(), null, t));
            }
        }
        items.sort(PLACE); // stable: ready parts keep their full order among themselves
        if (placeUnknown(items)) {
            return allAtOnce(config, listener, ready, tasks.size(), arrivals);
        }
        int[] last = new int[tasks.size()];
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).task >= 0) {
                last[items.get(i).task] = i;
            }
        }
        AuditEngine engine = new AuditEngine(config, listener);
        List<PartialAudit> shipped = new ArrayList<>();
        Map<Integer, Map<Coming, PartialAudit.Part>> arrived = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.ready != null) {
                engine.replay(item.ready);
                continue;
            }
            Map<Coming, PartialAudit.Part> parts = arrived.get(item.task);
            if (parts == null) {
                PartialAudit p = arrivals.await(item.task);
                if (options != null && p.options().isPresent()) {
                    PartialAudit.requireJoinable(options, p.options().get());
                }
                options = options == null ? p.options().orElse(null) : options;
                parts = byPlace(p, tasks.get(item.task), item.task);
                arrived.put(item.task, parts);
                if (keepWhole) {
                    shipped.add(p);
                }
            }
            engine.replay(parts.get(new Coming(item.runName, item.sequence, item.name)));
            if (last[item.task] == i) {
                arrived.remove(item.task);
                if (!keepWhole) {
                    arrivals.release(item.task);
                }
            }
        }
        AuditOutcome outcome = engine.finish();
        if (!keepWhole) {
            return new Result(outcome, PartialAudit.empty());
        }
        List<PartialAudit> all = new ArrayList<>(ready);
        all.addAll(shipped);
        return new Result(outcome, PartialAudit.mergeAll(all));
    }

    /** Two parts of the same run, sequence and name, one of them still to come: their order needs its first packet's time. */
    private static boolean placeUnknown(List<Item> sorted) {
        for (int i = 1; i < sorted.size(); i++) {
            Item a = sorted.get(i - 1);
            Item b = sorted.get(i);
            if ((a.task >= 0 || b.task >= 0) && PLACE.compare(a, b) == 0) {
                return true;
            }
        }
        return false;
    }

    private static Map<Coming, PartialAudit.Part> byPlace(PartialAudit shipped, List<Coming> files, int task) {
        Map<Coming, PartialAudit.Part> parts = new HashMap<>();
        for (PartialAudit.Part p : shipped.parts()) {
            parts.put(new Coming(p.runName(), p.sequence(), p.name()), p);
        }
        if (parts.size() != shipped.partCount() || !parts.keySet().equals(new HashSet<>(files))) {
            throw new IllegalStateException("the partial audit of task " + task + " holds " + shipped.partCount()
                    + " parts, not one for each of its " + files.size() + " files");
        }
        return parts;
    }

    private static Result allAtOnce(AuditConfig config, AuditListener listener, List<PartialAudit> ready, int tasks,
                                    Arrivals arrivals) {
        List<PartialAudit> all = new ArrayList<>(ready);
        for (int t = 0; t < tasks; t++) {
            all.add(arrivals.await(t));
        }
        PartialAudit whole = PartialAudit.mergeAll(all);
        return new Result(AuditEngine.classify(config, listener, whole), whole);
    }
}
