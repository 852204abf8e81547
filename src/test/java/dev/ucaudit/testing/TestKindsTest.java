package dev.ucaudit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ./run-tests --fast} leaves out the slow kinds by their tags, so a test class that does a slow
 * thing must carry the tag (on the class or on the methods that do it): this reads every test source
 * and names the classes that do one without saying so.
 */
class TestKindsTest {
    private static final Path TESTS = Path.of("src/test/java");
    /** What a slow kind of test does in its source, and the annotation that tags it. */
    private static final Map<String, Pattern> SIGNS = Map.of(
            "@ChildJvm", Pattern.compile("new ProcessBuilder\\(|Shell\\.run|StdinAuditTest\\.sh\\("),
            "@OnPublicCaptures", Pattern.compile("PublicCaptures\\.(FOLDER|require)|SplitCaptures\\.everyPublicCapture|shared/captures/public"),
            "@LiveCapture", Pattern.compile("startLive\\(|\"live\", \"(-i|--interface)\""),
            "@SparkJob", Pattern.compile("\"spark\",|SparkAudit\\.|SparkSession"),
            "@InBrowser", Pattern.compile("Browser\\.(open|start)"));

    @Test
    void everyTestDoingASlowThingCarriesItsTag() throws IOException {
        List<String> untagged = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TESTS)) {
            for (Path f : files.filter(TestKindsTest::isTestClass).sorted().toList()) {
                String text = Files.readString(f);
                SIGNS.forEach((tag, sign) -> {
                    if (sign.matcher(text).find() && !text.contains(tag + "\n")) {
                        untagged.add(TESTS.relativize(f) + " needs " + tag);
                    }
                });
            }
        }
        assertEquals(List.of(), untagged);
    }

    private static boolean isTestClass(Path p) {
        String name = p.getFileName().toString();
        return (name.endsWith("Test.java") || name.endsWith("IT.java")) && !name.equals("TestKindsTest.java");
    }
}
