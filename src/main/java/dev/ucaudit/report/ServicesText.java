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
        List<String> listed = new ArrayList<>(c.services().size());
        for (Conversation.Service s : c.services().keySet()) {
            listed.add(s.port() >= 0 ? s.port() + "/" + s.protocol().label() : s.protocol().label());
        }
        listed.sort(null);
        StringBuilder sb = new StringBuilder(String.join(" ", listed));
        List<Map.Entry<IpProtocol, Conversation.Overflow>> more = new ArrayList<>(c.overflow().entrySet());
        more.sort(Comparator.comparing(e -> e.getKey().label()));
        for (Map.Entry<IpProtocol, Conversation.Overflow> e : more) {
            Conversation.Overflow o = e.getValue();
            sb.append(sb.length() > 0 ? " " : "").append(e.getKey().label()).append(':')
                    .append(o.lowestPort()).append('-').append(o.highestPort()).append('(').append(o.flows()).append(" more ports)");
        }
        return sb.toString();
    }
}
