package dev.ucaudit.inventory;

/** One inventory row: a prefix, its role, a free-text name, and where it was written. */
public record InventoryEntry(Prefix prefix, String role, String name, String origin) {
}
