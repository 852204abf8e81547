package dev.ucaudit.engine;

import dev.ucaudit.catalog.CatalogRule;
import dev.ucaudit.inventory.InventoryEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything that changes what a partial audit means, as it was recorded: the format, the catalog
 * and inventory (digests of their rows, not of file names), and the {@link AuditSettings} (inspection
 * and probing, decapsulation and the VXLAN ports, the idle timeout, the pinhole lifetime and the limits). Two partials merge into one
 * audit's report only when their options are equal. Some options shape only the classification after
 * the merge ({@link #CLASSIFICATION_ONLY}): a merge may give them anew; the others decide which bytes
 * a partial kept and must be those it was recorded with. Immutable; keys in a fixed order.
 */
public record RecordedOptions(Map<String, String> values) {
    public static final String FORMAT = "format";
    public static final String CATALOG = "catalog";
    public static final String INVENTORY = "inventory";
    /** The value of {@link #INVENTORY} when there was none. */
    public static final String NONE = "none";
    /**
     * Options read only when the merged whole is classified: what a partial kept does not depend on them (the
     * inventory, and the settings {@link AuditSettings.Key#classificationOnly()} says so of).
     */
    public static final Set<String> CLASSIFICATION_ONLY = classificationOnly();
    private static final int MAX_ITEMS = 64;

    public RecordedOptions {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    private static Set<String> classificationOnly() {
        Set<String> keys = new LinkedHashSet<>(List.of(INVENTORY));
        for (AuditSettings.Key k : AuditSettings.Key.values()) {
            if (k.classificationOnly()) {
                keys.add(k.key());
            }
        }
        return Collections.unmodifiableSet(keys);
    }

    /**
     * The options of {@code config}, in this build's partial audit format: the format, the digests of the catalog
     * and inventory, then the settings as {@link AuditSettings#recorded()} gives them.
     */
    public static RecordedOptions of(AuditConfig config) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(FORMAT, Integer.toString(PartialAuditFormat.VERSION));
        m.put(CATALOG, catalogDigest(config.catalog().rules()));
        m.put(INVENTORY, config.inventory().isPresent() ? inventoryDigest(config.inventory().entries()) : NONE);
        m.putAll(config.settings().recorded());
        return new RecordedOptions(m);
    }

    /**
     * The settings recorded here; a setting not recorded keeps its value in {@code base}.
     *
     * @throws IllegalArgumentException when a recorded value is not one this build records (a damaged partial)
     */
    public AuditSettings settings(AuditSettings base) {
        return AuditSettings.fromRecorded(values, base);
    }

    /** At most this many options are read from a file: a hostile count allocates nothing. */
    static int maxItems() {
        return MAX_ITEMS;
    }

    public String get(String key) {
        return values.getOrDefault(key, "");
    }

    /**
     * The first option whose value differs, as "{@code KEY=A here, KEY=B there}" with the given
     * names, or empty when every option is equal. {@code only} limits the keys compared (null: all).
     */
    public Optional<String> firstDifference(RecordedOptions other, String here, String there, Set<String> only) {
        LinkedHashSet<String> keys = new LinkedHashSet<>(values.keySet());
        keys.addAll(other.values.keySet());
        for (String k : keys) {
            if (only != null && !only.contains(k)) {
                continue;
            }
            String a = get(k);
            String b = other.get(k);
            if (!a.equals(b)) {
                return Optional.of(here + " was recorded with " + k + "=" + shown(a) + ", " + there + " with " + k + "=" + shown(b));
            }
        }
        return Optional.empty();
    }

    private static String shown(String v) {
        return v.isEmpty() ? "(not recorded)" : v;
    }

    /**
     * Why partials recorded with these options cannot be classified with {@code used} (a merge's, a spark
     * run's), or empty: an option that decided which bytes they kept differs, or they were recorded with
     * an inventory and {@code used} has none. Classification-only options given anew are fine.
     */
    public Optional<String> cannotJoin(RecordedOptions used, String here, String there) {
        String inventory = get(INVENTORY);
        if (!inventory.isEmpty() && !inventory.equals(NONE) && used.get(INVENTORY).equals(NONE)) {
            return Optional.of(here + " was recorded with an inventory (" + inventory + ") and " + there
                    + " has none (every flow would be classified by port alone): give the same --inventory");
        }
        return firstDifference(used, here, there, shapingKeys());
    }

    /** Options whose value this one gives anew for a merge: those not classification-only must be equal. */
    public Set<String> shapingKeys() {
        return values.keySet().stream().filter(k -> !CLASSIFICATION_ONLY.contains(k)).collect(Collectors.toUnmodifiableSet());
    }

    /** A digest of the catalog rows as classification reads them (not where they were read from). */
    public static String catalogDigest(List<CatalogRule> rules) {
        StringBuilder sb = new StringBuilder();
        for (CatalogRule r : rules) {
            sb.append(r.id()).append('|').append(r.table()).append('|').append(r.sourceRole()).append('|')
              .append(r.destinationRole()).append('|').append(r.protocols()).append('|').append(r.ports()).append('|')
              .append(r.dynamicPorts()).append('|').append(r.inspect()).append('|').append(r.duplicateOf()).append('\n');
        }
        return digest(sb.toString());
    }

    /** A digest of the inventory's entries (prefix, role, name), not of where they were read from. */
    public static String inventoryDigest(List<InventoryEntry> entries) {
        StringBuilder sb = new StringBuilder();
        for (InventoryEntry e : entries) {
            sb.append(HexFormat.of().formatHex(e.prefix().address())).append('/').append(e.prefix().length()).append('|')
              .append(e.role()).append('|').append(e.name()).append('\n');
        }
        return digest(sb.toString());
    }

    private static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
