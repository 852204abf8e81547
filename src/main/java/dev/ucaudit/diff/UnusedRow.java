package dev.ucaudit.diff;

import dev.ucaudit.audit.UnusedOpening;

/** One unused catalog opening as unused.csv states it. Its identity is (rule, destination). */
public record UnusedRow(String rule, String protocol, String ports, String sourceRole, String destinationRole,
                        String destination, String purpose) {

    public String key() {
        return rule + "|" + destination;
    }

    public static UnusedRow of(UnusedOpening u) {
        return new UnusedRow(u.rule(), u.protocol(), u.ports(), u.sourceRole(), u.destinationRole(), u.destination(),
                u.purpose());
    }
}
