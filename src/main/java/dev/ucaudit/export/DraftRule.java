package dev.ucaudit.export;

import dev.ucaudit.catalog.PortRanges;
import dev.ucaudit.inventory.Prefix;
import java.util.List;

/**
 * One rule of a drafted policy: flows from {@code source} to {@code destination} (a role, or an
 * address when the host's role is unknown) over {@code protocol} to {@code ports} (empty for
 * protocols without ports), with the catalog rules that documented them and how many flows.
 */
public record DraftRule(String source, String destination, String protocol, PortRanges ports, List<String> catalogRules,
                        long flows) {

    /** True when the endpoint text is an address rather than a role. */
    public static boolean isAddress(String endpoint) {
        return endpoint.contains(".") || endpoint.contains(":");
    }

    static Prefix prefix(String endpoint) {
        return Prefix.parse(endpoint);
    }

    public String comment() {
        return String.join(" ", catalogRules) + "; " + flows + " flow" + (flows == 1 ? "" : "s") + " observed";
    }
}
