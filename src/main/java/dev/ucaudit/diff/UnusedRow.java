package dev.ucaudit.diff;

/** One unused catalog opening as unused.csv states it. Its identity is (rule, destination). */
public record UnusedRow(String rule, String protocol, String ports, String sourceRole, String destinationRole,
                        String destination, String purpose) {

    public String key() {
        return rule + "|" + destination;
    }
}
