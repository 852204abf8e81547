package dev.ucaudit.export;

import dev.ucaudit.report.SummaryKeys;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ucaudit.inventory.IpAddress;
import dev.ucaudit.inventory.Prefix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The draft inventory from a report's learned roles (summary.json {@code roles_observed}): one row
 * per address with its role, confidence and evidence, except that phones are grouped as a person
 * writes them: the phones of one /24 (IPv4) or /64 (IPv6) in which no other role was learned make one
 * prefix row. Addresses only named by others (DHCP option 150, CDP management addresses) are rows too,
 * with low confidence. A contradictory host is no row, only a comment: its role is for a person to find.
 */
public final class InventoryDraft {
    /** A draft row; {@code address} may be a prefix. */
    public record Row(String address, String role, String name, String confidence, String evidence) {
    }

    /** The rows and the comment lines (contradictory hosts; a report without learned roles). */
    public record Draft(List<Row> rows, List<String> notes) {
        public Draft {
            rows = List.copyOf(rows);
            notes = List.copyOf(notes);
        }
    }

    private static final String PHONE = "phone";

    private InventoryDraft() {
    }

    public static Draft from(Optional<JsonNode> summary) {
        JsonNode observed = summary.map(s -> s.path(SummaryKeys.ROLES_OBSERVED)).orElse(null);
        if (observed == null || !observed.isArray()) {
            return new Draft(List.of(), List.of("this report has no learned roles (roles_observed): audit the capture again with this"
                    + " version of ucaudit to draft an inventory"));
        }
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, List<JsonNode>> phonesBySubnet = new LinkedHashMap<>();
        Map<String, Boolean> otherRoleInSubnet = new LinkedHashMap<>();
        for (JsonNode o : observed) {
            String role = o.path("role").asText();
            String confidence = o.path("confidence").asText();
            if (confidence.equals("contradictory")) {
                notes.add(o.path("address").asText() + " is contradictory (" + role + "): " + evidence(o) + " - never trusted; check it");
                continue;
            }
            String subnet = subnet(o.path("address").asText());
            if (role.equals(PHONE)) {
                phonesBySubnet.computeIfAbsent(subnet, k -> new ArrayList<>()).add(o);
            } else {
                otherRoleInSubnet.put(subnet, true);
            }
        }
        for (JsonNode o : observed) {
            String role = o.path("role").asText();
            String confidence = o.path("confidence").asText();
            if (confidence.equals("contradictory")) {
                continue;
            }
            String address = o.path("address").asText();
            String subnet = subnet(address);
            List<JsonNode> phones = phonesBySubnet.get(subnet);
            if (role.equals(PHONE) && phones.size() >= 2 && !otherRoleInSubnet.containsKey(subnet)) {
                if (phones.get(0) == o) {
                    rows.add(prefixRow(subnet, phones));
                }
                continue;
            }
            rows.add(new Row(address, role, "learned", confidence, evidence(o)));
        }
        return new Draft(rows, notes);
    }

    private static Row prefixRow(String subnet, List<JsonNode> phones) {
        boolean allHigh = phones.stream().allMatch(p -> p.path("confidence").asText().equals("high"));
        StringBuilder e = new StringBuilder(phones.size() + " phones learned in this prefix and nothing else: ");
        for (int i = 0; i < Math.min(3, phones.size()); i++) {
            e.append(i > 0 ? "; " : "").append(phones.get(i).path("address").asText()).append(' ').append(evidence(phones.get(i)));
        }
        if (phones.size() > 3) {
            e.append("; ...");
        }
        return new Row(subnet, PHONE, "learned phone subnet", allHigh ? "high" : "low", e.toString());
    }

    /** "what (where), what (where)" of the evidence listed. */
    private static String evidence(JsonNode o) {
        List<String> parts = new ArrayList<>();
        for (JsonNode e : o.path("evidence")) {
            parts.add(e.path("what").asText() + " (" + e.path("strength").asText() + ", " + e.path("where").asText() + ")");
        }
        return String.join(", ", parts);
    }

    /** The /24 (IPv4) or /64 (IPv6) an address is in. */
    static String subnet(String address) {
        IpAddress ip = IpAddress.parse(address);
        byte[] b = ip.bytes();
        int length = b.length == 4 ? 24 : 64;
        for (int bit = length; bit < b.length * 8; bit++) {
            b[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
        }
        return new Prefix(b, length).text();
    }
}
