package dev.ucaudit.report;

import dev.ucaudit.audit.Conversation;
import dev.ucaudit.catalog.IpProtocol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A conversation's responder services as conversations.csv and report.html write them. */
final class ServicesText {
    private ServicesText() {
    }

    /**
     * {@code 2000/tcp 5060/udp udp:16384-32767(12 more ports)}: the services listed, in the order of
     * their text, then per protocol (by name) the flows beyond them.
     */
    static String of(Conversation c) {
        StringBuilder sb = new StringBuilder(String.join(" ", listed(c)));
        List<Map.Entry<IpProtocol, Conversation.Overflow>> more = overflow(c);
        for (Map.Entry<IpProtocol, Conversation.Overflow> e : more) {
            Conversation.Overflow o = e.getValue();
            sb.append(sb.length() > 0 ? " " : "").append(e.getKey().label()).append(':')
                    .append(o.lowestPort()).append('-').append(o.highestPort()).append('(').append(o.flows()).append(" more ports)");
        }
        return sb.toString();
    }

    /**
     * The same services as a list a person reads, for report.html, by protocol then port number: {@code 23/tcp,
     * 110/tcp, 5060/udp, and 12 more udp flows to ports 16384-32767}.
     */
    static String list(Conversation c) {
        List<Conversation.Service> services = new ArrayList<>(c.services().keySet());
        services.sort(Comparator.comparing((Conversation.Service s) -> s.protocol().label()).thenComparingInt(Conversation.Service::port));
        List<String> listed = new ArrayList<>(services.size());
        services.forEach(s -> listed.add(text(s)));
        List<Map.Entry<IpProtocol, Conversation.Overflow>> more = overflow(c);
        for (Map.Entry<IpProtocol, Conversation.Overflow> e : more) {
            Conversation.Overflow o = e.getValue();
            listed.add((listed.isEmpty() ? "" : "and ") + HtmlReport.fmt(o.flows()) + " more " + e.getKey().label() + " flows to ports "
                    + o.lowestPort() + "-" + o.highestPort());
        }
        return String.join(", ", listed);
    }

    /** The services listed, in the order of their text. */
    private static List<String> listed(Conversation c) {
        List<String> listed = new ArrayList<>(c.services().size());
        for (Conversation.Service s : c.services().keySet()) {
            listed.add(text(s));
        }
        listed.sort(null);
        return listed;
    }

    private static String text(Conversation.Service s) {
        return s.port() >= 0 ? s.port() + "/" + s.protocol().label() : s.protocol().label();
    }

    /** Per protocol (by name), the flows beyond the services listed. */
    private static List<Map.Entry<IpProtocol, Conversation.Overflow>> overflow(Conversation c) {
        List<Map.Entry<IpProtocol, Conversation.Overflow>> more = new ArrayList<>(c.overflow().entrySet());
        more.sort(Comparator.comparing(e -> e.getKey().label()));
        return more;
    }
}
