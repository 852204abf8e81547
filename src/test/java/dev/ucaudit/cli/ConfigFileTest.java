package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import dev.ucaudit.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.catalog.ConfigFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 sections 1 and 4: configuration files are read with bounds and fail with one clear line. */
@ChildJvm
class ConfigFileTest {
    static final String PCAP = "captures/lab-site.pcap";
    static final String INVENTORY = "captures/lab-site-inventory.csv";
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;

    private Cli audit(String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "audit";
        args[1] = "--out";
        args[2] = dir.resolve("report").toString();
        System.arraycopy(options, 0, args, 3, options.length);
        args[args.length - 1] = PCAP;
        return Cli.run(args);
    }

    private static void assertNoInternals(String err) {
        for (String leak : new String[] {"Exception", "Source:", "REDACTED", "JsonToken", "`", "dev.ucaudit", "StreamRead",
            "encapsulated token"}) {
            assertFalse(err.contains(leak), "library internals in: " + err);
        }
    }

    @Test
    void devZeroAsCatalogInventoryAllowedOrStateFailsAtOnce() {
        Cli r = audit("--catalog", "/dev/zero");
        assertEquals(2, r.status, r.toString());
        // issue 22: a binary file is said to be one at once (it used to be read up to 1 MiB of its first line)
        assertTrue(r.err.startsWith("ucaudit: /dev/zero: cannot read catalog: is not a text file (it holds NUL bytes)\n"), r.err);
        r = audit("--inventory", "/dev/zero");
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.startsWith("ucaudit: /dev/zero: inventory file is not a text file (it holds NUL bytes)\n"), r.err);
        r = audit("--allowed", "/dev/zero");
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.startsWith("ucaudit: /dev/zero: allowed-flows file is not a text file (it holds NUL bytes)\n"), r.err);
        // through a link in a folder of the test's: the state file's lock goes beside the name given, and a
        // user who is not root may not create one in /dev
        Path zeroState = dir.resolve("state.json");
        try {
            Files.createSymbolicLink(zeroState, Path.of("/dev/zero"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        r = audit("--state", zeroState.toString());
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.startsWith("ucaudit: " + zeroState + ": cannot read: is not a text file (it holds NUL bytes)"), r.err);
    }

    @Test
    void endlessLineIsRefusedNotBuffered() throws IOException {
        Path inv = dir.resolve("inv.csv");
        Files.writeString(inv, "address,role,name\n10.0.0.1,phone," + "x".repeat(ConfigFile.MAX_LINE + 10) + "\n");
        Cli r = audit("--inventory", inv.toString());
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.contains(inv + ":2: line 2 is longer than 1 MiB: not a configuration file"), r.err);
    }

    @Test
    void configFilesAreReadUpToALimit() {
        InputStream endless = new InputStream() {
            long n;

            @Override
            public int read() {
                return n++ % 4 == 3 ? '\n' : 'a';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) {
                    b[off + i] = (byte) read();
                }
                return len;
            }
        };
        IOException e = assertThrows(IOException.class, () -> {
            try (InputStream in = ConfigFile.bounded(endless)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        });
        assertEquals("larger than the 256 MiB limit for configuration files", e.getMessage());
    }

    @Test
    void folderOrMissingFileSaysWhich() throws IOException {
        Cli r = audit("--inventory", dir.toString());
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.startsWith("ucaudit: " + dir + ": inventory file is a folder, not a file\n"), r.err);
        r = audit("--catalog", dir.toString());
        assertTrue(r.err.startsWith("ucaudit: " + dir + ": cannot read catalog: is a folder, not a file\n"), r.err);
        r = audit("--allowed", dir.toString());
        assertTrue(r.err.startsWith("ucaudit: " + dir + ": allowed-flows file is a folder, not a file\n"), r.err);
    }

    /** A name with bytes that are not UTF-8 reaches Java with U+FFFD in it: say so rather than "not found". */
    @Test
    void fileNameWithBytesThatAreNotUtf8() throws Exception {
        // Without a UTF-8 locale (the locale-c run) this JVM cannot even name such a file; the launcher gives
        // ucaudit's own JVM a UTF-8 LC_CTYPE then (LocaleTest runs it so)
        Assumptions.assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")), "file names are not UTF-8 here");
        Process p = new ProcessBuilder("sh", "-c", "cp \"$0\" \"$(printf 'inv\\377.csv')\"",
                Path.of(INVENTORY).toAbsolutePath().toString()).directory(dir.toFile()).start();
        assertEquals(0, p.waitFor());
        Path seen = dir.resolve("inv\uFFFD.csv");
        Cli r = audit("--inventory", seen.toString());
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.startsWith("ucaudit: " + seen + ": inventory file cannot be opened: its name holds bytes that are not UTF-8"), r.err);
        Process cp = new ProcessBuilder("sh", "-c", "cp \"$0\" \"$(printf 'cap\\377.pcap')\"",
                Path.of(PCAP).toAbsolutePath().toString()).directory(dir.toFile()).start();
        assertEquals(0, cp.waitFor());
        Path capture = dir.resolve("cap\uFFFD.pcap");
        r = Cli.run("audit", "--out", dir.resolve("r2").toString(), capture.toString());
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.contains(capture + " cannot be opened: its name holds bytes that are not UTF-8"), r.err);
    }

    @Test
    void byteOrderMarkIsAccepted() throws IOException {
        Path inv = dir.resolve("inv.csv");
        Files.write(inv, concat(BOM, Files.readAllBytes(Path.of(INVENTORY))));
        Path catalog = dir.resolve("cat.csv");
        Files.write(catalog, concat(BOM, "rule,source_role,destination_role,protocol,ports,purpose\nS-1,phone,cucm,tcp,2000,SCCP\n"
                .getBytes(StandardCharsets.UTF_8)));
        Path allowed = dir.resolve("allowed.csv");
        Files.write(allowed, concat(BOM, "source,destination,protocol,ports,comment\nphone,cucm,tcp,2000,SCCP\n"
                .getBytes(StandardCharsets.UTF_8)));
        Cli r = audit("--inventory", inv.toString(), "--catalog", "default", "--catalog", catalog.toString(),
                "--allowed", allowed.toString(), "--fail-on", "none");
        assertEquals(0, r.status, r.toString());
        assertEquals("", r.err);
        assertTrue(r.out.contains("policy " + allowed + ": "), r.out);
    }

    @Test
    void brokenStateOrAllowedFileIsDescribedInWords() throws IOException {
        Path state = dir.resolve("state.json");
        for (String text : new String[] {"[1,2", "[1,2]", "{\"version\":\"x\"}", "{\"version\":1,\"openings\":{\"a\":[]}}"}) {
            Files.writeString(state, text);
            Cli r = audit("--state", state.toString());
            assertEquals(2, r.status, r.toString());
            assertTrue(r.err.startsWith("ucaudit: " + state), r.err);
            assertTrue(r.err.contains("not a ucaudit state file"), r.err);
            assertNoInternals(r.err);
        }
        Path allowed = dir.resolve("allowed.csv");
        Files.writeString(allowed, "source,destination,protocol,ports,comment\nphone,cucm,tcp,2000,\"SCCP\" x\nphone,cucm,tcp,2001,y\n");
        Cli r = audit("--allowed", allowed.toString());
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.startsWith("ucaudit: " + allowed + ":2: a double quote opens a field"), r.err);
        assertNoInternals(r.err);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
