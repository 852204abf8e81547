package dev.ucaudit.catalog;

import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.commons.csv.CSVException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the role list and one or more catalog CSV files. Every bad row is reported with its file
 * and line; good rows are kept, so a user sees all problems at once.
 */
public final class CatalogLoader {
    public static final String DEFAULT_CATALOG = "cucm-ports.csv";
    public static final String ROLES = "roles.csv";
    /** Name a user gives to {@code --catalog} to mean the default catalog. */
    public static final String DEFAULT_KEYWORD = "default";

    static final List<String> REQUIRED = List.of("rule", "source_role", "destination_role", "protocol", "ports",
            "purpose");
    /** The protocols whose signalling an {@code inspect} row's follow-ups are read from. */
    private static final Set<AppProtocol> INSPECTED =
            EnumSet.of(AppProtocol.SIP, AppProtocol.SCCP, AppProtocol.H225, AppProtocol.MGCP, AppProtocol.TFTP);

    private final List<CatalogProblem> problems = new ArrayList<>();

    public List<CatalogProblem> problems() {
        return List.copyOf(problems);
    }

    /** Loads the default roles and the given catalog files ({@code default} = the default catalog). */
    public Catalog load(List<String> catalogSpecs) {
        return load(loadRoles(CatalogInput.defaultFile(ROLES)), inputs(catalogSpecs));
    }

    /** The catalog files {@code --catalog} specs name ({@code default} = the default catalog; none given = the default). */
    public static List<CatalogInput> inputs(List<String> catalogSpecs) {
        List<CatalogInput> inputs = new ArrayList<>();
        List<String> specs = catalogSpecs.isEmpty() ? List.of(DEFAULT_KEYWORD) : catalogSpecs;
        for (String spec : specs) {
            inputs.add(spec.equals(DEFAULT_KEYWORD) ? CatalogInput.defaultFile(DEFAULT_CATALOG)
                    : CatalogInput.file(Path.of(spec)));
        }
        return inputs;
    }

    public Catalog load(Roles roles, List<CatalogInput> inputs) {
        List<CatalogRule> rules = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (CatalogInput input : inputs) {
            readCatalog(input, roles, rules, seen);
        }
        List<String> names = inputs.stream().map(CatalogInput::name).toList();
        return new Catalog(rules, roles, names);
    }

    public Roles loadRoles(CatalogInput input) {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        try (Reader reader = input.open(); CSVParser csv = parser(reader)) {
            if (!csv.getHeaderMap().containsKey("role")) {
                problems.add(new CatalogProblem(input.name(), 1, "header must start with role,is_a,description"));
            }
            long lastLine = 1;
            try {
            for (CSVRecord rec : csv) {
                lastLine = rec.getParser().getCurrentLineNumber();
                String role = get(rec, "role");
                if (role.isEmpty() || !role.matches("[a-z][a-z0-9-]*")) {
                    problems.add(new CatalogProblem(input.name(), rec.getParser().getCurrentLineNumber(),
                            "role name '" + role + "' must be lower-case letters, digits and '-'"));
                    continue;
                }
                String isA = get(rec, "is_a");
                parents.put(role, isA.isEmpty() ? List.of() : Arrays.stream(isA.split(";")).map(String::trim).toList());
                descriptions.put(role, get(rec, "description"));
            }
            } catch (RuntimeException e) {
                problems.add(CsvTrouble.problem(input.name(), lastLine + 1, e));
            }
        } catch (NoSuchFileException e) {
            problems.add(new CatalogProblem(input.name(), 0, "cannot read roles: " + e.getMessage()));
        } catch (IOException | RuntimeException e) {
            problems.add(headerProblem(input.name(), "roles", e));
        }
        parents.putIfAbsent(Roles.ENDPOINT, List.of());
        return new Roles(parents, descriptions);
    }

    private void readCatalog(CatalogInput input, Roles roles, List<CatalogRule> out, Map<String, String> seen) {
        try (Reader reader = input.open(); CSVParser csv = parser(reader)) {
            Map<String, Integer> header = csv.getHeaderMap();
            List<String> missing = REQUIRED.stream().filter(c -> !header.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(new CatalogProblem(input.name(), 1, "header lacks column(s) " + String.join(", ", missing)
                        + "; a catalog needs at least " + String.join(",", REQUIRED)));
                return;
            }
            long lastLine = 1;
            try {
            for (CSVRecord rec : csv) {
                long line = rec.getParser().getCurrentLineNumber();
                lastLine = line;
                if (rec.size() == 1 && rec.get(0).isBlank()) {
                    continue;
                }
                if (CsvTrouble.hasReplacedBytes(rec.toList())) {
                    problems.add(new CatalogProblem(input.name(), line, "this row is not valid UTF-8 (the bad bytes read as "
                            + CsvTrouble.REPLACED + "); save the file as UTF-8"));
                }
                try {
                    CatalogRule rule = parseRule(rec, roles, input.name() + ":" + line);
                    String previous = seen.putIfAbsent(rule.id(), rule.origin());
                    if (previous != null) {
                        throw new IllegalArgumentException("rule id " + rule.id() + " is already used at " + previous);
                    }
                    out.add(rule);
                } catch (IllegalArgumentException e) {
                    problems.add(new CatalogProblem(input.name(), line, e.getMessage()));
                }
            }
            } catch (RuntimeException e) {
                problems.add(CsvTrouble.problem(input.name(), lastLine + 1, e));
            }
        } catch (NoSuchFileException e) {
            problems.add(new CatalogProblem(input.name(), 0, "cannot read catalog: " + e.getMessage()));
        } catch (IOException | RuntimeException e) {
            problems.add(headerProblem(input.name(), "catalog", e));
        }
    }

    /** The file opened but its header line could not be read (or the file could not be opened at all). */
    static CatalogProblem headerProblem(String file, String what, Exception e) {
        if (e instanceof IOException && !(e instanceof CSVException)
                && !(e instanceof CharacterCodingException)) {
            return new CatalogProblem(file, 0, "cannot read " + what + ": " + e.getMessage());
        }
        CatalogProblem p = CsvTrouble.problem(file, 1, e);
        return new CatalogProblem(file, 1, "header: " + p.message());
    }

    private static CSVParser parser(Reader reader) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(false).get().parse(reader);
    }

    static CatalogRule parseRule(CSVRecord rec, Roles roles, String origin) {
        if (!rec.isConsistent()) {
            throw new IllegalArgumentException("row has " + rec.size() + " fields, header has "
                    + rec.getParser().getHeaderMap().size() + " (a comma inside a field needs double quotes)");
        }
        String id = get(rec, "rule");
        if (id.isEmpty() || !id.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("rule id '" + id + "' is empty or has characters other than letters, digits, '-', '_', '.'");
        }
        String source = role(rec, "source_role", roles);
        String destination = role(rec, "destination_role", roles);
        String protoText = get(rec, "protocol");
        if (protoText.isEmpty()) {
            throw new IllegalArgumentException(id + ": protocol is empty (expected tcp, udp, tcp/udp, icmp, gre, esp, ah or ip-N)");
        }
        List<IpProtocol> protocols = new ArrayList<>();
        for (String p : protoText.split("/")) {
            protocols.add(IpProtocol.parse(p));
        }
        PortRanges ports = ports(rec, "ports", id);
        PortRanges dynamic = ports(rec, "dynamic_ports", id);
        boolean anyPorts = protocols.stream().anyMatch(IpProtocol::hasPorts);
        boolean anyPortless = protocols.stream().anyMatch(p -> !p.hasPorts());
        if (anyPorts && anyPortless) {
            throw new IllegalArgumentException(id + ": protocol '" + protoText + "' mixes port protocols (tcp/udp) with IP protocols; split the row");
        }
        if (anyPorts && ports.isEmpty()) {
            throw new IllegalArgumentException(id + ": " + protoText + " needs ports, e.g. 2000 or 16384-32767");
        }
        if (!anyPorts && !ports.isEmpty()) {
            throw new IllegalArgumentException(id + ": " + protoText + " has no ports, but ports is '" + ports + "'");
        }
        if (!dynamic.minus(ports).isEmpty()) {
            throw new IllegalArgumentException(id + ": dynamic_ports " + dynamic + " are not all within ports " + ports);
        }
        String inspectText = get(rec, "inspect");
        Optional<AppProtocol> inspect = inspectText.isEmpty() ? Optional.empty() : AppProtocol.of(inspectText);
        if (!inspectText.isEmpty() && (inspect.isEmpty() || !INSPECTED.contains(inspect.get()))) {
            throw new IllegalArgumentException(id + ": inspect '" + inspectText + "' is not one of " + INSPECTED);
        }
        Set<AppProtocol> expects = expects(get(rec, "expects"), id);
        String expectsSource = get(rec, "expects_source");
        if (expects.isEmpty() && !expectsSource.isEmpty()) {
            throw new IllegalArgumentException(id + ": expects_source '" + expectsSource + "' without expects");
        }
        String tableText = get(rec, "table");
        int table;
        try {
            table = tableText.isEmpty() ? 0 : Integer.parseInt(tableText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(id + ": table '" + tableText + "' is not a number");
        }
        String purpose = get(rec, "purpose");
        if (purpose.isEmpty()) {
            throw new IllegalArgumentException(id + ": purpose is empty");
        }
        return new CatalogRule(id, table, get(rec, "table_title"), source, destination, protocols, ports, dynamic,
                inspect, get(rec, "duplicate_of"), purpose, get(rec, "purpose_ja"),
                get(rec, "purpose_reconstructed").equalsIgnoreCase("yes"), get(rec, "notes"), origin, get(rec, "source"),
                expects, expectsSource);
    }

    /** {@code sip;tls}: the protocols a row's port may carry (any of them); empty: not said. */
    private static Set<AppProtocol> expects(String text, String id) {
        Set<AppProtocol> set = new LinkedHashSet<>();
        if (text.isEmpty()) {
            return set;
        }
        for (String token : text.split(";")) {
            AppProtocol p = AppProtocol.of(token).orElseThrow(() -> new IllegalArgumentException(id + ": expects '" + token.trim()
                    + "' is not one of " + Arrays.stream(AppProtocol.values()).map(AppProtocol::token).toList()
                    + " (several are joined with ';')"));
            set.add(p);
        }
        return set;
    }

    private static String role(CSVRecord rec, String column, Roles roles) {
        String role = get(rec, column);
        if (role.isEmpty()) {
            throw new IllegalArgumentException(column + " is empty");
        }
        if (!roles.isKnown(role) || role.equals(Roles.UNKNOWN)) {
            throw new IllegalArgumentException(column + " '" + role + "' is not a role in roles.csv (known: "
                    + String.join(", ", roles.names()) + ")");
        }
        return role;
    }

    private static PortRanges ports(CSVRecord rec, String column, String id) {
        try {
            return PortRanges.parse(get(rec, column));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(id + ": " + column + ": " + e.getMessage());
        }
    }

    static String get(CSVRecord rec, String column) {
        return rec.isMapped(column) && rec.isSet(column) ? rec.get(column).trim() : "";
    }
}
