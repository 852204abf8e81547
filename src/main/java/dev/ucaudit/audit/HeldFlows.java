package dev.ucaudit.audit;

import dev.ucaudit.flow.Flow;
import dev.ucaudit.inspect.Negotiation;
import dev.ucaudit.inspect.WireEvidence;
import dev.ucaudit.roles.EvidenceTable;
import dev.ucaudit.roles.LearnedRoles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finished flows waiting for the learned roles (only without an inventory), in the order they
 * finished, with what inspection said of them; and the evidence of the live periods before the
 * current one, since roles are learned over the whole run.
 */
final class HeldFlows {
    /** tell: the findings watch has not told this flow yet (it ended before its early look). */
    private record Held(Flow flow, Negotiation negotiation, WireEvidence wire, String icmpError, boolean tell) {
    }

    private final int limit;
    private final List<Held> held = new ArrayList<>();
    private EvidenceTable earlierEvidence = new EvidenceTable();

    HeldFlows(int limit) {
        this.limit = limit;
    }

    void hold(Flow flow, Negotiation negotiation, WireEvidence wire, String icmpError, boolean tell) {
        held.add(new Held(flow, negotiation, wire, icmpError, tell));
    }

    /** True when as many flows wait as the limit allows: time to classify them. */
    boolean full() {
        return held.size() >= limit;
    }

    int size() {
        return held.size();
    }

    /**
     * Classifies the waiting flows, in the order they finished, with the roles learned from the earlier
     * periods' evidence and {@code current}: each record goes to {@code accept}, and to {@code tell} when
     * the findings watch has not told its flow. Returns the classifier with those roles.
     */
    Classifier classify(Classifier classifier, EvidenceTable current, Consumer<FlowRecord> accept, Consumer<FlowRecord> tell) {
        Classifier learned = classifier.withLearned(LearnedRoles.usable(EvidenceTable.union(earlierEvidence, current)));
        for (Held h : held) {
            FlowRecord r = h.icmpError() != null ? learned.icmpError(h.flow(), h.icmpError())
                    : learned.classify(h.flow(), h.negotiation(), h.wire());
            accept.accept(r);
            if (h.tell()) {
                tell.accept(r);
            }
        }
        held.clear();
        return learned;
    }

    /** A live period ended: its evidence joins the earlier periods'. */
    void periodEnded(EvidenceTable periodEvidence) {
        earlierEvidence = EvidenceTable.union(earlierEvidence, periodEvidence);
    }
}
