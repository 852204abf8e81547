package dev.ucaudit.cli;

import dev.ucaudit.text.Printable;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogLoader;
import dev.ucaudit.catalog.CatalogProblem;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --catalog FILE}, repeatable; shared by the subcommands. */
final class CatalogOptions {
    @Option(names = "--catalog", paramLabel = "FILE",
            description = {"Catalog CSV to use instead of the default rules/cucm-ports.csv; repeat to combine files.",
                "The word 'default' names the default catalog, so '--catalog default --catalog site.csv' adds a site's rows."})
    List<String> catalogs = new ArrayList<>();

    /** Loaded catalog and every problem found while loading it (printed to err). */
    record Loaded(Catalog catalog, List<CatalogProblem> problems) {
    }

    Loaded load(PrintWriter err) {
        CatalogLoader loader = new CatalogLoader();
        Catalog catalog = loader.load(catalogs);
        for (CatalogProblem p : loader.problems()) {
            err.println("ucaudit: " + Printable.escape(p.describe()));
        }
        err.flush();
        return new Loaded(catalog, loader.problems());
    }
}
