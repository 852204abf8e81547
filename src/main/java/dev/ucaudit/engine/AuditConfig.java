package dev.ucaudit.engine;

import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.inventory.Inventory;
import java.util.Objects;

/**
 * What one audit is run with: the catalog and inventory flows are classified against, and the
 * options that shape the pipeline ({@link AuditSettings}, built and serialised in that one place).
 * Immutable; the same config gives the same audit of the same packets.
 */
public record AuditConfig(Catalog catalog, Inventory inventory, AuditSettings settings) {
    public AuditConfig {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(settings, "settings");
    }

    /** The command line's defaults ({@link AuditSettings#DEFAULTS}). */
    public static AuditConfig of(Catalog catalog, Inventory inventory) {
        return new AuditConfig(catalog, inventory, AuditSettings.DEFAULTS);
    }

    /** The same catalog and inventory with other settings. */
    public AuditConfig with(AuditSettings other) {
        return new AuditConfig(catalog, inventory, other);
    }
}
