package dev.ucaudit.cli;

import dev.ucaudit.audit.FlowInspection;
import dev.ucaudit.catalog.Catalog;

/** Chooses the signalling inspection for a run. */
final class Inspection {
    private Inspection() {
    }

    static FlowInspection create(Catalog catalog) {
        return FlowInspection.NONE;
    }
}
