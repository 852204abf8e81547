package dev.ucaudit.cli;

import dev.ucaudit.audit.FlowInspection;
import dev.ucaudit.audit.SignallingInspection;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.inventory.Inventory;
import java.time.Duration;

/** Chooses the signalling inspection for a run. */
final class Inspection {
    private Inspection() {
    }

    static FlowInspection create(Catalog catalog, Inventory inventory, boolean enabled) {
        return create(catalog, inventory, enabled, true);
    }

    /** @param probing look for signalling by content on ports that name no inspector (--no-probing turns it off) */
    static FlowInspection create(Catalog catalog, Inventory inventory, boolean enabled, boolean probing) {
        return enabled ? new SignallingInspection(catalog, inventory, Duration.ofMinutes(5), probing) : FlowInspection.NONE;
    }
}
