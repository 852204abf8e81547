package dev.ucaudit.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes small catalogs for tests and loads them with the real roles file. */
final class CatalogFixtures {
    static final String HEADER = "rule,table,table_title,source_role,destination_role,protocol,ports,dynamic_ports,inspect,duplicate_of,purpose,purpose_ja,source_ja,destination_ja,ports_ja,purpose_reconstructed,notes\n";

    private CatalogFixtures() {
    }

    static Path write(Path dir, String name, String rows) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, HEADER + rows, StandardCharsets.UTF_8);
        return f;
    }

    static Catalog load(CatalogLoader loader, Path... files) {
        return loader.load(java.util.Arrays.stream(files).map(Path::toString).toList());
    }

    static Roles roles() {
        return new CatalogLoader().loadRoles(CatalogInput.file(Path.of("rules", CatalogLoader.ROLES)));
    }

    static List<String> ids(CandidateSet set) {
        return set.rules().stream().map(CatalogRule::id).toList();
    }
}
