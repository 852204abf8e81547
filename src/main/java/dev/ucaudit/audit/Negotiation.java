package dev.ucaudit.audit;

/** A flow that signalling opened: the catalog row of the signalling, and which call or transfer. */
public record Negotiation(String rule, String reason) {
}
