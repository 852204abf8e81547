package dev.ucaudit.catalog;

/** A catalog or role row that does not parse: file, 1-based line, and what is wrong. */
public record CatalogProblem(String file, long line, String message) {
    public String describe() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
