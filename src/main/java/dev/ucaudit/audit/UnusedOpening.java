package dev.ucaudit.audit;

/** A catalog opening (rule × destination host of its role) that no flow used: a row of unused.csv. */
public record UnusedOpening(String rule, String protocol, String ports, String sourceRole, String destinationRole,
                            String destination, String destinationName, String purpose) {
}
