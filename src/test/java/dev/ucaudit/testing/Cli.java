package dev.ucaudit.testing;

import dev.ucaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The one runner of the real command line for tests: in-process, with its own output and error
 * writers (so that tests may run in parallel), keeping the exit status and what was printed.
 */
public final class Cli {
    public final int status;
    public final String out;
    public final String err;

    private Cli(int status, String out, String err) {
        this.status = status;
        this.out = out;
        this.err = err;
    }

    public static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(status, out.toString(), err.toString());
    }

    /** The exit status. */
    public int exit() {
        return status;
    }

    public String out() {
        return out;
    }

    public String err() {
        return err;
    }

    @Override
    public String toString() {
        return "status " + status + "\n--- out\n" + out + "--- err\n" + err;
    }
}
