package dev.ucaudit.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The third-party captures of {@code ../shared/captures/public/} (see its MANIFEST.csv), read in
 * place and never copied into the project. Tests that read them carry {@link OnPublicCaptures}
 * and skip, saying so, when the folder is absent.
 */
public final class PublicCaptures {
    public static final Path FOLDER = Path.of("../shared/captures/public");

    private PublicCaptures() {
    }

    public static boolean present() {
        return Files.isDirectory(FOLDER);
    }

    /** One capture of the folder; the test is skipped (and says why) when it is absent. */
    public static Path require(String name) {
        Path file = FOLDER.resolve(name);
        assumeTrue(Files.isRegularFile(file), file + " is absent (third-party captures are read from " + FOLDER + ")");
        return file;
    }
}
