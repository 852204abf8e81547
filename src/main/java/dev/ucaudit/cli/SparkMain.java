package dev.ucaudit.cli;

/**
 * Entry point for {@code spark-submit --class dev.ucaudit.cli.SparkMain ucaudit.jar [OPTION]... PATH...}: the
 * same as {@code ucaudit spark [OPTION]... PATH...}, with the master and settings spark-submit was given.
 */
public final class SparkMain {
    private SparkMain() {
    }

    public static void main(String[] args) {
        String[] command = new String[args.length + 1];
        command[0] = "spark";
        System.arraycopy(args, 0, command, 1, args.length);
        Main.main(command);
    }
}
