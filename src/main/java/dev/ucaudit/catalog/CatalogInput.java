package dev.ucaudit.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A CSV file of the catalog (on disk, or the copy bundled in the jar) with the name messages use. */
public record CatalogInput(String name, Path path, String resource) {

    public static CatalogInput file(Path path) {
        return new CatalogInput(path.toString(), path, null);
    }

    public static CatalogInput bundled(String name, String resource) {
        return new CatalogInput(name, null, resource);
    }

    public Reader open() throws IOException {
        if (path != null) {
            return new BufferedReader(CsvTrouble.lenientUtf8(ConfigFile.open(path)));
        }
        InputStream in = CatalogInput.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("bundled catalog " + resource + " is missing from the jar");
        }
        return CsvTrouble.lenientUtf8(ConfigFile.bounded(in));
    }

    /**
     * The default catalog: {@code rules/} beside the launcher (system property {@code ucaudit.home}) when
     * it exists, so that edits to {@code rules/} take effect; else the copy bundled in the jar.
     */
    public static CatalogInput defaultFile(String fileName) {
        String home = System.getProperty("ucaudit.home");
        if (home != null) {
            Path p = Path.of(home, "rules", fileName);
            if (Files.isRegularFile(p)) {
                return file(p);
            }
        }
        Path local = Path.of("rules", fileName);
        if (Files.isRegularFile(local)) {
            return file(local);
        }
        return bundled("rules/" + fileName + " (bundled)", "/rules/" + fileName);
    }
}
