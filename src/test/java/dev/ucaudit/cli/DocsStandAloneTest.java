package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.audit.ScanDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README and docs/ are what a user has: they cite nothing outside the repository and agree with --help. */
class DocsStandAloneTest {
    static List<Path> userDocs() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md"), Path.of("rules", "README.md")));
        try (Stream<Path> s = Files.list(Path.of("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    @Test
    void noDocumentCitesTheSpecOrTheSharedFolder() throws IOException {
        Pattern outside = Pattern.compile("\\bSPEC\\b|\\.\\./shared");
        for (Path p : userDocs()) {
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                assertFalse(outside.matcher(lines.get(i)).find(), p + ":" + (i + 1) + " cites what users do not have: " + lines.get(i));
            }
        }
    }

    @Test
    void scanThresholdsAreTheSameInTheReadmeTheHelpAndTheDetector() throws IOException {
        Pattern phrase = Pattern.compile("at most (\\d+) packets\\), unanswered or refused flows to (\\d[\\d,]*)\\+ ports or about (\\d[\\d,]*)\\+ hosts");
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        Cli help = Cli.run("audit", "--help");
        String helpText = help.out.replaceAll("\\s+", " ");
        List<String> expected = List.of(String.valueOf(ScanDetector.PROBE_PACKETS), String.valueOf(ScanDetector.PORT_THRESHOLD),
                String.valueOf(ScanDetector.THRESHOLD));
        for (String[] doc : new String[][] {{"README.md", readme}, {"ucaudit audit --help", helpText}}) {
            Matcher m = phrase.matcher(doc[1]);
            assertTrue(m.find(), doc[0] + " does not state the scan thresholds as '" + phrase + "'");
            assertEquals(expected, List.of(m.group(1), m.group(2).replace(",", ""), m.group(3).replace(",", "")), doc[0]);
        }
    }
}
