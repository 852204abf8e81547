package dev.ucaudit.cli;

import dev.ucaudit.capture.CaptureException;
import dev.ucaudit.capture.live.Interfaces;
import dev.ucaudit.text.Printable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code ucaudit live -D}: the capture interfaces, numbered as tcpdump -D numbers them. */
final class InterfaceList {
    private InterfaceList() {
    }

    static int print(PrintWriter out, PrintWriter err) {
        List<Interfaces.Entry> entries;
        try {
            entries = Interfaces.list();
        } catch (CaptureException e) {
            err.println("ucaudit: " + Printable.escape(e.getMessage()));
            err.flush();
            return 2;
        }
        if (entries.isEmpty()) {
            err.println("ucaudit: no interface to capture on is visible (capturing needs CAP_NET_RAW and CAP_NET_ADMIN: see docs/live.md)");
            err.flush();
            return 2;
        }
        int n = 0;
        for (Interfaces.Entry e : entries) {
            List<String> flags = new ArrayList<>();
            flags.add(e.up() ? "Up" : "Down");
            if (e.loopback()) {
                flags.add("Loopback");
            }
            out.printf("%d.%s%s [%s]%s%n", ++n, Printable.escape(e.name()),
                    e.description().isEmpty() ? "" : " (" + Printable.escape(e.description()) + ")", String.join(", ", flags),
                    e.addresses().isEmpty() ? "" : " " + String.join(" ", e.addresses()));
        }
        out.flush();
        return 0;
    }
}
