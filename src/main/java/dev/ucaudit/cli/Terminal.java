package dev.ucaudit.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Whether standard error is a terminal, asked of the C library ({@code isatty(2)}) through JNA.
 * {@code System.console()} is not enough: it is null as soon as stdin or stdout is redirected
 * ({@code ucaudit audit - < x.pcap}), although a person still watches stderr.
 */
final class Terminal {
    private interface LibC extends Library {
        int isatty(int fd);
    }

    private Terminal() {
    }

    static boolean stderrIsTerminal() {
        try {
            return Native.load("c", LibC.class).isatty(2) == 1;
        } catch (RuntimeException | LinkageError e) {
            return false; // no C library to ask: behave as under cron
        }
    }
}
