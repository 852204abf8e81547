package dev.ucaudit.bench;

import dev.ucaudit.testing.PublicCaptures;
import dev.ucaudit.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Compares ucaudit's flow and host-pair counts with tshark's conversation statistics, capture by
 * capture. For each file: ucaudit audits it in-process into a temporary folder (every flow row kept),
 * with every flow row kept (--max-flow-rows 100000000 --list-scan-flows); tshark runs {@code -q -z conv,tcp -z conv,udp -z conv,sctp -z conv,ip -z conv,ipv6}; both are counted:
 *
 * <ul>
 *   <li>{@code tcp} / {@code udp} / {@code sctp}: ucaudit's flows.csv rows of that protocol vs tshark's
 *       conversation entries of that table (tshark counts the conversations inside tunnels, as ucaudit
 *       does with its default {@code --decapsulate auto});</li>
 *   <li>{@code pairs}: ucaudit's conversations.csv rows (unordered host pairs, any IP protocol) plus the
 *       outer endpoint pairs of summary.json's tunnels not already among them, vs tshark's IPv4 plus IPv6
 *       conversation entries (which list a tunnel's outer pair beside its inner pairs).</li>
 * </ul>
 *
 * A difference is allowed only when {@code scripts/conformance-expected.csv} lists that file and
 * measure with both exact numbers and a reason: if either count changes, the reason is stale and the
 * comparison fails again. Run through {@code scripts/conformance}; exits 0 when every difference is
 * explained, 1 otherwise, 3 when tshark or the folder is absent (skipped).
 */
public final class Conformance {
    public static final List<String> MEASURES = List.of("tcp", "udp", "sctp", "pairs");

    /** One capture's counts: ucaudit's and tshark's, per measure, plus tshark's distinct endpoint pairs. */
    public record Row(String file, Map<String, Long> ucaudit, Map<String, Long> tshark,
                      Map<String, Long> ucauditDistinct, Map<String, Long> tsharkDistinct, String error) {
    }

    /** An explained difference from the expected file. */
    public record Expected(String file, String measure, long ucaudit, long tshark, String reason) {
    }

    private Conformance() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = args.length > 0 ? Path.of(args[0]) : PublicCaptures.FOLDER;
        Path expectedFile = Path.of(args.length > 1 ? args[1] : "scripts/conformance-expected.csv");
        if (!Files.isDirectory(folder) || !tsharkAvailable()) {
            System.out.println("conformance: skipped (" + (Files.isDirectory(folder) ? "no tshark on PATH" : folder + " absent") + ")");
            System.exit(3);
        }
        List<Path> files = captures(folder);
        Map<String, Expected> expected = loadExpected(expectedFile);
        List<Row> rows = new ArrayList<>();
        for (Path f : files) {
            rows.add(compare(f));
        }
        List<String> failures = check(rows, expected);
        print(rows, expected);
        Set<String> used = new HashSet<>();
        rows.forEach(r -> MEASURES.forEach(m -> used.add(r.file() + "|" + m)));
        for (String k : expected.keySet()) {
            if (!used.contains(k)) {
                System.out.println("note: expected-difference entry for a file not in the folder: " + k);
            }
        }
        long differing = rows.stream().filter(r -> MEASURES.stream().anyMatch(m -> !r.ucaudit().get(m).equals(r.tshark().get(m)))).count();
        System.out.printf(Locale.ROOT, "%d captures: %d agree on all four counts, %d differ (%d explained differences listed in %s), %d unexplained%n",
                rows.size(), rows.size() - differing, differing, expected.size(), expectedFile, failures.size());
        failures.forEach(f -> System.out.println("UNEXPLAINED: " + f));
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    public static boolean tsharkAvailable() {
        try {
            Process p = new ProcessBuilder("tshark", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    public static List<Path> captures(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().matches(".*\\.(pcap|pcapng)(\\.gz)?$"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }

    public static Map<String, Expected> loadExpected(Path file) throws IOException {
        Map<String, Expected> m = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return m;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setCommentMarker('#').build().parse(r)) {
                Expected e = new Expected(rec.get("file"), rec.get("measure"), Long.parseLong(rec.get("ucaudit")),
                        Long.parseLong(rec.get("tshark")), rec.get("reason"));
                m.put(e.file() + "|" + e.measure(), e);
            }
        }
        return m;
    }

    /** Unexplained differences (and stale explanations). */
    public static List<String> check(List<Row> rows, Map<String, Expected> expected) {
        List<String> failures = new ArrayList<>();
        for (Row r : rows) {
            if (r.error() != null) {
                failures.add(r.file() + ": " + r.error());
                continue;
            }
            for (String m : MEASURES) {
                long u = r.ucaudit().get(m);
                long t = r.tshark().get(m);
                Expected e = expected.get(r.file() + "|" + m);
                if (u != t && (e == null || e.ucaudit() != u || e.tshark() != t)) {
                    failures.add(String.format(Locale.ROOT, "%s %s: ucaudit %d, tshark %d%s", r.file(), m, u, t,
                            e == null ? "" : " (expected-difference entry says ucaudit " + e.ucaudit() + ", tshark " + e.tshark() + ")"));
                } else if (u == t && e != null) {
                    failures.add(String.format(Locale.ROOT, "%s %s: counts now agree (%d) but an expected difference is listed: remove it",
                            r.file(), m, u));
                }
            }
        }
        return failures;
    }

    public static void print(List<Row> rows, Map<String, Expected> expected) {
        System.out.printf(Locale.ROOT, "%-44s %13s %13s %13s %13s  %s%n", "file", "tcp u/t", "udp u/t", "sctp u/t", "pairs u/t", "note");
        for (Row r : rows) {
            if (r.error() != null) {
                System.out.printf(Locale.ROOT, "%-44s %s%n", r.file(), "ERROR " + r.error());
                continue;
            }
            StringBuilder note = new StringBuilder();
            String[] cells = new String[MEASURES.size()];
            for (int i = 0; i < MEASURES.size(); i++) {
                String m = MEASURES.get(i);
                long u = r.ucaudit().get(m);
                long t = r.tshark().get(m);
                cells[i] = u + "/" + t + (u == t ? " " : expected.containsKey(r.file() + "|" + m) ? "*" : "!");
                if (u != t) {
                    note.append(m).append(" distinct ").append(r.ucauditDistinct().get(m)).append('/')
                            .append(r.tsharkDistinct().get(m)).append("; ");
                }
            }
            System.out.printf(Locale.ROOT, "%-44s %13s %13s %13s %13s  %s%n", r.file(), cells[0], cells[1], cells[2], cells[3], note);
        }
        System.out.println("(u/t = ucaudit/tshark; * = explained in the expected file, ! = unexplained)");
    }

    /** Audits one capture and runs tshark over it. */
    public static Row compare(Path capture) throws IOException, InterruptedException {
        String name = capture.getFileName().toString();
        Path out = Files.createTempDirectory("ucaudit-conformance-");
        try {
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            int status = Main.run(new PrintWriter(o, true), new PrintWriter(e, true), "audit", "--out", out.toString(),
                    "--max-flow-rows", "100000000", "--list-scan-flows", "--fail-on", "none", capture.toString());
            if (!Files.exists(out.resolve("summary.json"))) {
                return new Row(name, null, null, null, null, "ucaudit wrote no report (status " + status + "): " + e);
            }
            Map<String, Long> u = new LinkedHashMap<>();
            Map<String, Long> ud = new LinkedHashMap<>();
            Map<String, Set<String>> pairs = Map.of("tcp", new HashSet<>(), "udp", new HashSet<>(), "sctp", new HashSet<>());
            Map<String, Long> perProtocol = new LinkedHashMap<>(Map.of("tcp", 0L, "udp", 0L, "sctp", 0L));
            try (Reader r = Files.newBufferedReader(out.resolve("flows.csv"))) {
                for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                    String proto = rec.get("protocol");
                    if (perProtocol.containsKey(proto)) {
                        perProtocol.merge(proto, 1L, Long::sum);
                        pairs.get(proto).add(pair(rec.get("initiator") + "|" + rec.get("initiator_port"),
                                rec.get("responder") + "|" + rec.get("responder_port")));
                    }
                }
            }
            Set<String> hostPairSet = new HashSet<>();
            try (Reader r = Files.newBufferedReader(out.resolve("conversations.csv"))) {
                for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                    hostPairSet.add(pair(rec.get(0), rec.get(1)));
                }
            }
            // a tunnel is reported once, as transport, in summary.json: its outer pair is a host pair too
            com.fasterxml.jackson.databind.JsonNode tunnels = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(out.resolve("summary.json").toFile()).at("/tunnels/listed");
            for (com.fasterxml.jackson.databind.JsonNode t : tunnels) {
                hostPairSet.add(pair(t.get("endpoint_a").asText(), t.get("endpoint_b").asText()));
            }
            long hostPairs = hostPairSet.size();
            for (String proto : List.of("tcp", "udp", "sctp")) {
                u.put(proto, perProtocol.get(proto));
                ud.put(proto, (long) pairs.get(proto).size());
            }
            u.put("pairs", hostPairs);
            ud.put("pairs", hostPairs);
            Map<String, List<String>> t = tshark(capture);
            Map<String, Long> tc = new LinkedHashMap<>();
            Map<String, Long> td = new LinkedHashMap<>();
            for (String m : MEASURES) {
                List<String> entries = t.get(m);
                tc.put(m, (long) entries.size());
                td.put(m, entries.stream().distinct().count());
            }
            return new Row(name, u, tc, ud, td, null);
        } finally {
            deleteTree(out);
        }
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + " " + b : b + " " + a;
    }

    /** tshark's conversation entries per measure, each as a normalized unordered endpoint pair. */
    static Map<String, List<String>> tshark(Path capture) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tshark", "-n", "-r", capture.toString(), "-q", "-z", "conv,tcp", "-z", "conv,udp",
                "-z", "conv,sctp", "-z", "conv,ip", "-z", "conv,ipv6").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        Map<String, List<String>> m = new LinkedHashMap<>();
        MEASURES.forEach(k -> m.put(k, new ArrayList<>()));
        String section = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("TCP Conversations")) {
                section = "tcp";
            } else if (line.startsWith("UDP Conversations")) {
                section = "udp";
            } else if (line.startsWith("SCTP Conversations")) {
                section = "sctp";
            } else if (line.startsWith("IPv4 Conversations") || line.startsWith("IPv6 Conversations")) {
                section = "pairs";
            } else if (section != null && line.contains(" <-> ")) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length >= 3 && parts[1].equals("<->")) {
                    m.get(section).add(pair(parts[0], parts[2]));
                }
            }
        }
        return m;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
