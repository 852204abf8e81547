package dev.ucaudit.install;

import dev.ucaudit.testing.SparkJob;
import dev.ucaudit.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution mvn package builds (run by failsafe after package): unpacked anywhere it runs
 * without a checkout, without Maven and without building; scripts/install lays it out under a PREFIX
 * and the linked PREFIX/bin/ucaudit works; the man pages and completion it ships are the ones the
 * current picocli model gives.
 */
@ChildJvm
@SparkJob
class DistributionIT {
    @TempDir
    static Path dir;
    static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        Path tarball = Path.of(System.getProperty("ucaudit.dist", "target/ucaudit-0.1.0-SNAPSHOT.tar.gz"));
        assertTrue(Files.isRegularFile(tarball), tarball + " not built (mvn package builds it)");
        Shell tar = Shell.run(dir, Map.of(), List.of("tar", "-xzf", tarball.toAbsolutePath().toString()));
        assertEquals(0, tar.status(), tar.toString());
        home = dir.resolve("ucaudit-" + System.getProperty("ucaudit.version", "0.1.0-SNAPSHOT"));
    }

    /** The test JVM's java first; the distribution has no pom.xml, so the launcher must run the jar, never mvn. */
    private static Map<String, String> env(Path cache) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin");
        return Map.of("PATH", java + ":/usr/bin:/bin", "XDG_CACHE_HOME", cache.toString(), "HOME", dir.toString());
    }

    @Test
    void layoutHasBinLibRulesManAndCompletion() {
        for (String f : List.of("bin/ucaudit", "lib/ucaudit.jar", "rules/cucm-ports.csv", "rules/roles.csv",
                "man/man1/ucaudit.1", "man/man1/ucaudit-audit.1", "man/man1/ucaudit-catalog.1", "completion/ucaudit",
                "scripts/install", "scripts/spark-jvm-options", "captures/lab-site.pcap")) {
            assertTrue(Files.isRegularFile(home.resolve(f)), f);
        }
        assertTrue(Files.isExecutable(home.resolve("bin/ucaudit")));
    }

    @Test
    void unpackedDistributionRunsFromAnotherFolderWithoutBuilding() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Shell r = Shell.run(elsewhere, env(dir.resolve("cache1")), List.of(home.resolve("bin/ucaudit").toString(), "catalog", "--port", "2000"));
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("T6-03")), r.out());
        assertTrue(r.out().contains("catalog: " + home.resolve("rules/cucm-ports.csv")), "the distribution's own rules: " + r.out());
        assertFalse(r.err().contains("building"), r.err());
    }

    @Test
    void sparkIsNotShippedAndTheSparkCommandSaysSoInOneLine() throws Exception {
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(home.resolve("lib/ucaudit.jar").toFile())) {
            List<String> foreign = jar.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.startsWith("org/apache/spark/") || n.startsWith("org/apache/hadoop/") || n.startsWith("scala/"))
                    .limit(3).toList();
            assertEquals(List.of(), foreign, "Spark is provided, not shipped");
            assertTrue(jar.getEntry("dev/ucaudit/cli/SparkMain.class") != null, "the Spark job is in the jar");
        }
        Path elsewhere = Files.createDirectories(dir.resolve("no-spark"));
        Shell r = Shell.run(elsewhere, env(dir.resolve("cache3")), List.of(home.resolve("bin/ucaudit").toString(), "spark",
                "--out", "report", home.resolve("captures").toString()));
        assertEquals(2, r.status(), r.toString());
        assertEquals("ucaudit: spark needs Apache Spark 4 on the class path: set SPARK_HOME to a Spark installation, or run"
                + " spark-submit --class dev.ucaudit.cli.SparkMain ucaudit.jar (see docs/scale.md)\n", r.err());
        assertFalse(Files.exists(elsewhere.resolve("report")));
        Map<String, String> noJars = new java.util.HashMap<>(env(dir.resolve("cache3")));
        noJars.put("SPARK_HOME", elsewhere.toString());
        Shell s = Shell.run(elsewhere, noJars, List.of(home.resolve("bin/ucaudit").toString(), "spark", "--out", "report",
                home.resolve("captures").toString()));
        assertEquals(2, s.status(), s.toString());
        assertEquals("ucaudit: SPARK_HOME=" + elsewhere + " has no jars/ folder; point it at a Spark 4 installation\n", s.err());
    }

    @Test
    void manPagesAndCompletionAreTheCurrentModels() throws Exception {
        String catalogPage = Files.readString(home.resolve("man/man1/ucaudit-catalog.1"));
        for (String option : List.of("--port", "--protocol", "--table", "--format", "--catalog")) {
            assertTrue(catalogPage.contains(option.replace("-", "\\-")) || catalogPage.contains(option), option);
        }
        Path fresh = dir.resolve("fresh");
        dev.ucaudit.cli.DocsGenerator.generate(fresh.resolve("adoc"), fresh.resolve("ucaudit"));
        assertEquals(Files.readString(fresh.resolve("ucaudit")), Files.readString(home.resolve("completion/ucaudit")),
                "the shipped completion differs from the one the current commands give");
        try (Stream<Path> pages = Files.list(fresh.resolve("adoc"))) {
            for (Path adoc : pages.toList()) {
                String name = adoc.getFileName().toString().replace(".adoc", ".1");
                assertTrue(Files.isRegularFile(home.resolve("man/man1").resolve(name)), "no shipped man page " + name);
            }
        }
    }

    @Test
    void installUnderAPrefixLinksTheLauncherAndPlacesManAndCompletion() throws Exception {
        Path prefix = dir.resolve("prefix");
        Shell install = Shell.run(dir, env(dir.resolve("cache2")), List.of("sh", home.resolve("scripts/install").toString(), prefix.toString()));
        assertEquals(0, install.status(), install.toString());
        assertTrue(Files.isSymbolicLink(prefix.resolve("bin/ucaudit")));
        assertTrue(Files.isRegularFile(prefix.resolve("share/man/man1/ucaudit-catalog.1")));
        assertTrue(Files.isRegularFile(prefix.resolve("share/bash-completion/completions/ucaudit")));
        // issue 22: the live service, its ExecStart where the launcher was linked
        String unit = Files.readString(prefix.resolve("lib/systemd/system/ucaudit.service"));
        assertTrue(unit.contains("\nExecStart=" + prefix.resolve("bin/ucaudit") + " live --interface ${UCAUDIT_INTERFACE} "), unit);
        assertTrue(unit.contains("\nAmbientCapabilities=CAP_NET_RAW CAP_NET_ADMIN\n") && unit.contains("\nRestart=on-failure\n"), unit);
        assertTrue(Files.isExecutable(Path.of(unit.replaceFirst("(?s).*\nExecStart=(\\S+) .*", "$1"))), "ExecStart runs: " + unit);
        Shell r = Shell.run(dir, env(dir.resolve("cache2")), List.of(prefix.resolve("bin/ucaudit").toString(), "catalog", "--port", "2000"));
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("catalog: " + prefix.resolve("lib/ucaudit/rules/cucm-ports.csv")), r.out());
    }
}
