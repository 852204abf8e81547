package dev.ucaudit.install;

import dev.ucaudit.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkout's ./ucaudit launcher, run by failsafe after package (so target/ucaudit.jar is current and
 * the launcher does not build): through a symbolic link on the PATH, and its start-up archive kept in
 * the user's cache, per JVM options, never retrained once made or once failed.
 */
@ChildJvm
class LauncherIT {
    private static final Path LAUNCHER = Path.of("ucaudit").toAbsolutePath();

    @TempDir
    Path dir;

    private Map<String, String> env(Path cache, String javaOpts) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        env.put("XDG_CACHE_HOME", cache.toString());
        if (javaOpts != null) {
            env.put("UCAUDIT_JAVA_OPTS", javaOpts);
        }
        return env;
    }

    private Shell ucaudit(Path cache, String javaOpts, String... args) throws Exception {
        // The shell finds ucaudit on the PATH given, as a user's shell would.
        List<String> cmd = new java.util.ArrayList<>(List.of("sh", "-c", "ucaudit \"$@\"", "ucaudit"));
        cmd.addAll(List.of(args));
        return Shell.run(dir, env(cache, javaOpts), cmd);
    }

    private void link() throws Exception {
        Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(dir.resolve("bin/ucaudit"), LAUNCHER);
    }

    @Test
    void runsThroughASymlinkOnThePathFromAnotherFolder() throws Exception {
        link();
        Shell r = ucaudit(dir.resolve("cache"), null, "catalog", "--port", "2000");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("T6-03")), r.out());
        assertTrue(r.out().contains("catalog: " + LAUNCHER.getParent().resolve("rules/cucm-ports.csv")), r.out());
        assertFalse(r.err().contains("not found"), r.err());
    }

    @Test
    void startupArchiveLivesInTheCacheOncePerJvmOptionsAndIsNotRetrained() throws Exception {
        link();
        Path cache = dir.resolve("cache");
        Path oldPlace = LAUNCHER.getParent().resolve("target/ucaudit.jsa"); // where launchers before the cache wrote it
        FileTime oldPlaceBefore = Files.exists(oldPlace) ? Files.getLastModifiedTime(oldPlace) : null;
        assertEquals(0, ucaudit(cache, null, "catalog", "--port", "2000").status());
        List<Path> archives = files(cache, ".jsa");
        assertEquals(1, archives.size(), "one archive after the first run: " + archives);
        FileTime made = Files.getLastModifiedTime(archives.get(0));
        Shell again = ucaudit(cache, null, "catalog", "--port", "2000");
        assertEquals(0, again.status(), again.toString());
        assertEquals(made, Files.getLastModifiedTime(archives.get(0)), "retrained on the second run");
        assertEquals(0, ucaudit(cache, "-Xmx1g", "catalog", "--port", "2000").status());
        assertEquals(2, files(cache, ".jsa").size(), "other JVM options get their own archive");
        assertEquals(made, Files.getLastModifiedTime(archives.get(0)), "the first archive is kept");
        assertEquals(oldPlaceBefore, Files.exists(oldPlace) ? Files.getLastModifiedTime(oldPlace) : null,
                "no archive written beside the jar");
    }

    @Test
    void aJarRewrittenWithTheSameBytesGetsAnArchiveOfItsOwnWithoutAWarning() throws Exception {
        // A distribution's layout (bin/ucaudit beside lib/ucaudit.jar), so that the test may rewrite its jar.
        Path home = dir.resolve("dist");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.createDirectories(home.resolve("captures"));
        Files.copy(LAUNCHER, home.resolve("bin/ucaudit"));
        Path jar = Files.copy(LAUNCHER.resolveSibling("target/ucaudit.jar"), home.resolve("lib/ucaudit.jar"));
        Files.copy(LAUNCHER.resolveSibling("captures/lab-site.pcap"), home.resolve("captures/lab-site.pcap"));
        Files.createSymbolicLink(home.resolve("rules"), LAUNCHER.resolveSibling("rules"));
        Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(dir.resolve("bin/ucaudit"), home.resolve("bin/ucaudit"));
        Path cache = dir.resolve("cache");
        assertEquals(0, ucaudit(cache, null, "catalog", "--port", "2000").status());
        assertEquals(1, files(cache, ".jsa").size());
        // Same bytes, another time: what a rebuild of unchanged sources writes (the JVM checks the jar's time).
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        Shell again = ucaudit(cache, null, "catalog", "--port", "2000");
        assertEquals(0, again.status(), again.toString());
        assertFalse(again.err().contains("shared archive"), again.err());
        assertEquals(2, files(cache, ".jsa").size(), "an archive for the rewritten jar");
        Shell third = ucaudit(cache, null, "catalog", "--port", "2000");
        assertEquals("", third.err(), "the new archive is used without a word");
    }

    @Test
    void theSparkCommandGetsAnArchiveOfItsOwnWithSparksClasses() throws Exception {
        link();
        DocCommandsIT.sparkHome();
        Path cache = dir.resolve("cache");
        Map<String, String> env = env(cache, null);
        env.put("SPARK_HOME", Path.of("target/spark-home").toAbsolutePath().toString());
        List<String> spark = List.of("sh", "-c", "ucaudit spark -q --master 'local[1]' --out report " + LAUNCHER.resolveSibling("captures/lab-site.pcap"));
        Shell first = Shell.run(dir, env, spark);
        assertEquals(1, first.status(), first.toString()); // findings
        List<Path> archives = files(cache, ".jsa");
        assertEquals(1, archives.size(), "trained with Spark: " + archives);
        assertTrue(Files.size(archives.get(0)) > 40_000_000L, "Spark's classes are in it: " + Files.size(archives.get(0)) + " bytes");
        FileTime made = Files.getLastModifiedTime(archives.get(0));
        Shell second = Shell.run(dir, env, spark);
        assertEquals(1, second.status(), second.toString());
        assertEquals("", second.err(), "the archive is used without a word");
        assertEquals(made, Files.getLastModifiedTime(archives.get(0)), "retrained on the second run");
        assertEquals(0, ucaudit(cache, null, "catalog", "--port", "2000").status());
        assertEquals(2, files(cache, ".jsa").size(), "the other commands' archive is another");
    }

    @Test
    void aTrainingThatMakesNoArchiveIsRememberedAndNotRetried() throws Exception {
        link();
        Path cache = dir.resolve("cache");
        // -Xshare:off: the JVM cannot dump a dynamic archive, so the training makes none.
        Shell first = ucaudit(cache, "-Xshare:off", "catalog", "--port", "2000");
        assertEquals(0, first.status(), first.toString());
        List<Path> failed = files(cache, ".failed");
        assertEquals(1, failed.size(), "the failed training is remembered: " + failed);
        FileTime when = Files.getLastModifiedTime(failed.get(0));
        Thread.sleep(1100);
        Shell second = ucaudit(cache, "-Xshare:off", "catalog", "--port", "2000");
        assertEquals(0, second.status(), second.toString());
        assertEquals(when, Files.getLastModifiedTime(failed.get(0)), "training retried");
        assertEquals(0, files(cache, ".jsa").size());
    }

    private static List<Path> files(Path cache, String suffix) throws Exception {
        try (Stream<Path> s = Files.list(cache.resolve("ucaudit"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
