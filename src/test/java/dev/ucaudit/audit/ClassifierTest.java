package dev.ucaudit.audit;

import dev.ucaudit.inspect.Negotiation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogLoader;
import dev.ucaudit.flow.Flow;
import dev.ucaudit.flow.FlowKey;
import dev.ucaudit.flow.Side;
import dev.ucaudit.inventory.Inventory;
import dev.ucaudit.inventory.InventoryLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Classifier}'s rules on a small catalog with the real roles file: the most specific roles win,
 * a role covers the roles below it, without an inventory the narrowest port row wins, a row documents
 * one direction only, and each verdict says why.
 */
class ClassifierTest {
    private static final String HEADER = "rule,table,table_title,source_role,destination_role,protocol,ports,dynamic_ports,"
            + "inspect,duplicate_of,purpose,purpose_ja,source_ja,destination_ja,ports_ja,purpose_reconstructed,notes\n";
    private static final byte[] PHONE = {10, 20, 0, 21};
    private static final byte[] SUB = {10, 10, 1, 11};
    private static final byte[] PUB = {10, 10, 1, 10};
    private static final byte[] STRANGER = {10, 99, 0, 1};

    @TempDir
    Path dir;

    private Catalog catalog;
    private Inventory inventory;

    private static String row(String id, String src, String dst, String proto, String ports, String purpose) {
        return id + ",9,test," + src + "," + dst + "," + proto + "," + ports + ",,,," + purpose + ",,,,,no,\n";
    }

    @BeforeEach
    void load() throws Exception {
        Path file = dir.resolve("catalog.csv");
        Files.writeString(file, HEADER
                + row("R-GEN", "endpoint", "cucm", "udp", "5060", "generic SIP")
                + row("R-PHONE", "phone", "cucm", "udp", "5060", "phone SIP")
                + row("R-SUB", "phone", "cucm-subscriber", "udp", "5060", "phone SIP to a subscriber")
                + row("R-RANGE", "phone", "cucm", "tcp", "2000-2999", "a range")
                + row("R-NARROW", "phone", "cucm", "tcp", "2000", "one port")
                + row("R-DIR", "phone", "cucm", "tcp", "8443", "phone to cucm only"));
        CatalogLoader loader = new CatalogLoader();
        catalog = loader.load(List.of(file.toString()));
        assertEquals(List.of(), loader.problems());
        Path inv = dir.resolve("inventory.csv");
        Files.writeString(inv, "address,role,name\n10.20.0.21,phone,p1\n10.10.1.11,cucm-subscriber,sub1\n10.10.1.10,cucm-publisher,pub\n");
        InventoryLoader invLoader = new InventoryLoader();
        inventory = invLoader.load(inv, catalog.roles());
        assertEquals(List.of(), invLoader.problems());
    }

    /** A UDP flow seen one way only: the sender initiated it. */
    private static Flow udp(byte[] from, int fromPort, byte[] to, int toPort) {
        FlowKey k = FlowKey.of(17, from, fromPort, to, toPort);
        Side first = k.isFromA(from, from.length, fromPort) ? Side.A : Side.B;
        Flow f = new Flow(k, first, 1);
        f.count(first, 1, 400, 0);
        return f;
    }

    /** A TCP connection opened by {@code from} (SYN, SYN-ACK). */
    private static Flow tcp(byte[] from, int fromPort, byte[] to, int toPort) {
        FlowKey k = FlowKey.of(6, from, fromPort, to, toPort);
        Side first = k.isFromA(from, from.length, fromPort) ? Side.A : Side.B;
        Flow f = new Flow(k, first, 1);
        f.count(first, 1, 60, 0x02);
        f.count(first.other(), 2, 60, 0x12);
        return f;
    }

    private FlowRecord classify(Inventory inv, Flow flow) {
        return new Classifier(catalog, inv).classify(flow, null);
    }

    @Test
    void mostSpecificRolesWin() {
        FlowRecord toSub = classify(inventory, udp(PHONE, 5060, SUB, 5060));
        assertEquals("R-SUB", toSub.rule(), "phone → cucm-subscriber beats phone → cucm and endpoint → cucm");
        FlowRecord toPub = classify(inventory, udp(PHONE, 5060, PUB, 5060));
        assertEquals("R-PHONE", toPub.rule(), "no row names cucm-publisher: phone → cucm is the most specific that fits");
        assertTrue(toPub.documented());
        assertEquals("R-PHONE: phone SIP (phone → cucm 5060/udp)", toPub.reason());
    }

    @Test
    void aRoleCoversTheRolesBelowItAndOnlyThose() {
        FlowRecord stranger = classify(inventory, udp(STRANGER, 40000, PUB, 5060));
        assertEquals("R-GEN", stranger.rule(), "a host outside the inventory is only an endpoint");
        assertEquals("unknown", stranger.initiatorRole(), "its role is unknown, which is an endpoint");
        FlowRecord strangerRange = classify(inventory, tcp(STRANGER, 40000, SUB, 2000));
        assertEquals(Verdict.UNDOCUMENTED, strangerRange.verdict(), "endpoint is not a phone");
        assertTrue(strangerRange.reason().contains("10.99.0.1 is not in the inventory"), strangerRange.reason());
    }

    @Test
    void withoutInventoryTheNarrowestPortRowWins() {
        Inventory none = Inventory.empty(catalog.roles());
        FlowRecord r = classify(none, tcp(STRANGER, 40000, SUB, 2000));
        assertEquals("R-NARROW", r.rule(), "2000 beats 2000-2999");
        // issue 20 §5: the row's port matches but nothing shows the roles it needs: port-only, never documented
        assertEquals(Verdict.PORT_ONLY, r.verdict());
        assertEquals("2000/tcp matches R-NARROW: one port (phone → cucm 2000/tcp); port-only: no inventory given, so nothing"
                + " shows that the hosts are the phone → cucm that R-NARROW needs (give --inventory to decide)", r.reason());
        assertEquals("R-RANGE", classify(none, tcp(STRANGER, 40000, SUB, 2500)).rule());
        FlowRecord fiveThousand = classify(none, udp(STRANGER, 40000, SUB, 5060));
        assertEquals(Verdict.PORT_ONLY, fiveThousand.verdict(), "every 5060 row needs roles: " + fiveThousand.reason());
        assertFalse(fiveThousand.documented());
    }

    @Test
    void aRowDocumentsOneDirectionOnly() {
        assertEquals("R-DIR", classify(inventory, tcp(PHONE, 51000, SUB, 8443)).rule());
        FlowRecord back = classify(inventory, tcp(SUB, 51000, PHONE, 8443));
        assertEquals(Verdict.UNDOCUMENTED, back.verdict());
        assertEquals(SUB[3], back.initiator().bytes()[3]);
        assertEquals("8443/tcp is documented only from phone → cucm (R-DIR); this flow is cucm-subscriber → phone", back.reason());
    }

    @Test
    void reasonsSayWhyNothingFits() {
        FlowRecord none = classify(inventory, udp(PHONE, 40000, SUB, 9999));
        assertEquals(Verdict.UNDOCUMENTED, none.verdict());
        assertEquals("", none.rule());
        assertEquals("no catalog row for 9999/udp", none.reason());
        FlowRecord reply = classify(inventory, tcp(SUB, 2000, PHONE, 40000));
        assertTrue(reply.reason().startsWith("no catalog row for 40000/tcp (the initiator's port 2000/tcp is documented: "),
                reply.reason());
    }

    @Test
    void negotiatedFlowsAreDocumentedBySignalling() {
        FlowRecord r = new Classifier(catalog, inventory).classify(udp(PHONE, 20000, SUB, 30000),
                new Negotiation("R-SUB", "RTP of SIP call X"));
        assertTrue(r.documented());
        assertEquals("R-SUB", r.rule());
        assertEquals("RTP of SIP call X", r.reason());
    }
}
