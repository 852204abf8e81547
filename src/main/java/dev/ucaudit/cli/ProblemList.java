package dev.ucaudit.cli;

/** An error of several lines, each already escaped ({@code dev.ucaudit.text.Printable}): printed as it is. */
final class ProblemList extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    ProblemList(String lines) {
        super(lines);
    }
}
