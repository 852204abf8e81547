package dev.ucaudit.inventory;

import dev.ucaudit.catalog.ConfigFile;
import dev.ucaudit.catalog.CsvTrouble;
import java.io.BufferedReader;
import dev.ucaudit.catalog.CatalogProblem;
import dev.ucaudit.catalog.Roles;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads an inventory CSV ({@code address,role,name}); bad rows are reported with file and line. */
public final class InventoryLoader {
    private final List<CatalogProblem> problems = new ArrayList<>();

    public List<CatalogProblem> problems() {
        return List.copyOf(problems);
    }

    public Inventory load(Path file, Roles roles) {
        return load(file, file.toString(), roles);
    }

    /** @param name how messages and the report name the file (a copy read in its original's name) */
    public Inventory load(Path file, String name, Roles roles) {
        List<InventoryEntry> entries = new ArrayList<>();
        String unreadable = ConfigFile.unreadable(file);
        if (unreadable != null) {
            problems.add(new CatalogProblem(name, 0, "inventory file " + unreadable));
            return new Inventory(entries, roles, name);
        }
        Map<String, String> seen = new HashMap<>();
        try (Reader reader = new BufferedReader(CsvTrouble.lenientUtf8(ConfigFile.open(file)));
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreEmptyLines(true).setCommentMarker('#').get().parse(reader)) {
            Map<String, Integer> header = csv.getHeaderMap();
            if (!header.containsKey("address") || !header.containsKey("role")) {
                problems.add(new CatalogProblem(name, 1, "header must be address,role,name (found: "
                        + String.join(",", header.keySet()) + ")"));
                return new Inventory(entries, roles, name);
            }
            long lastLine = 1;
            try {
            for (CSVRecord rec : csv) {
                long line = rec.getParser().getCurrentLineNumber();
                lastLine = line;
                if (CsvTrouble.hasReplacedBytes(rec.toList())) {
                    problems.add(new CatalogProblem(name, line, "this row is not valid UTF-8 (the bad bytes read as "
                            + CsvTrouble.REPLACED + "); save the file as UTF-8"));
                }
                String address = rec.isSet("address") ? rec.get("address").trim() : "";
                String role = rec.isSet("role") ? rec.get("role").trim() : "";
                String hostName = rec.isMapped("name") && rec.isSet("name") ? rec.get("name").trim() : "";
                try {
                    Prefix prefix = Prefix.parse(address).ipv4IfMapped(); // ::ffff:10.30.0.1 is the IPv4 host
                    if (role.isEmpty() || !roles.isKnown(role) || role.equals(Roles.UNKNOWN)) {
                        throw new IllegalArgumentException("role '" + role + "' is not one of: "
                                + String.join(", ", roles.names()));
                    }
                    String key = prefix.toString();
                    String earlier = seen.putIfAbsent(key, name + ":" + line);
                    if (earlier != null) {
                        throw new IllegalArgumentException(key + " is already listed at " + earlier);
                    }
                    entries.add(new InventoryEntry(prefix, role, hostName, name + ":" + line));
                } catch (IllegalArgumentException e) {
                    problems.add(new CatalogProblem(name, line, e.getMessage()));
                }
            }
            } catch (RuntimeException e) {
                problems.add(CsvTrouble.problem(name, lastLine + 1, e));
            }
        } catch (IOException | RuntimeException e) {
            CatalogProblem p = CsvTrouble.problem(name, 1, e);
            problems.add(new CatalogProblem(name, 1, "header: " + p.message()));
        }
        return new Inventory(entries, roles, name);
    }
}
