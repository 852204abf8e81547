package dev.ucaudit.spark;

import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogInput;
import dev.ucaudit.catalog.CatalogLoader;
import dev.ucaudit.catalog.Roles;
import dev.ucaudit.engine.AuditConfig;
import dev.ucaudit.engine.AuditSettings;
import dev.ucaudit.inventory.Inventory;
import dev.ucaudit.inventory.InventoryLoader;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An {@link AuditConfig} as executors get it: the text of the roles, catalog and inventory files
 * under their original names (executors need not see the driver's files), and the settings as they are. The
 * driver loads and checks the files once; an executor loads this copy into the same config.
 *
 * @param inventory null when the audit has no inventory
 */
public record ConfigCopy(NamedText roles, List<NamedText> catalogs, NamedText inventory, AuditSettings settings)
        implements Serializable {

    /** A configuration file's bytes and the name messages and reports give it. */
    public record NamedText(String name, byte[] bytes) implements Serializable {
    }

    public ConfigCopy {
        catalogs = List.copyOf(catalogs);
    }

    /**
     * The copy of a config loaded from {@code catalogSpecs} ({@code --catalog}) and {@code inventoryFile}
     * ({@code --inventory}, may be null).
     */
    public static ConfigCopy of(AuditConfig config, List<String> catalogSpecs, Path inventoryFile) throws IOException {
        List<NamedText> catalogs = new ArrayList<>();
        for (CatalogInput input : CatalogLoader.inputs(catalogSpecs)) {
            catalogs.add(text(input));
        }
        NamedText inventory = inventoryFile == null ? null
                : new NamedText(inventoryFile.toString(), Files.readAllBytes(inventoryFile));
        return new ConfigCopy(text(CatalogInput.defaultFile(CatalogLoader.ROLES)), catalogs, inventory, config.settings());
    }

    private static NamedText text(CatalogInput input) throws IOException {
        try (Reader r = input.open()) {
            StringBuilder s = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = r.read(buf)) > 0; ) {
                s.append(buf, 0, n);
            }
            return new NamedText(input.name(), s.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The config again, its files read from a scratch folder under their original names (the folder is removed). */
    public AuditConfig load() {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("ucaudit-config");
            CatalogLoader loader = new CatalogLoader();
            Roles loadedRoles = loader.loadRoles(new CatalogInput(roles.name(), write(scratch, "roles", roles), null));
            List<CatalogInput> inputs = new ArrayList<>();
            for (int i = 0; i < catalogs.size(); i++) {
                inputs.add(new CatalogInput(catalogs.get(i).name(), write(scratch, "catalog" + i, catalogs.get(i)), null));
            }
            Catalog catalog = loader.load(loadedRoles, inputs);
            Inventory loadedInventory = inventory == null ? Inventory.empty(catalog.roles())
                    : new InventoryLoader().load(write(scratch, "inventory", inventory), inventory.name(), catalog.roles());
            return new AuditConfig(catalog, loadedInventory, settings);
        } catch (IOException e) {
            throw new UncheckedIOException("the audit's catalog and inventory could not be copied into a scratch folder", e);
        } finally {
            remove(scratch);
        }
    }

    private static Path write(Path dir, String file, NamedText text) throws IOException {
        return Files.write(dir.resolve(file + ".csv"), text.bytes());
    }

    private static void remove(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a scratch file left in the temporary folder is not worth failing the task for
        }
    }
}
