package dev.ucaudit.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.catalog.CatalogInput;
import dev.ucaudit.catalog.CatalogLoader;
import dev.ucaudit.catalog.CatalogProblem;
import dev.ucaudit.catalog.Roles;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryTest {
    @TempDir
    Path dir;

    private final Roles roles = new CatalogLoader().loadRoles(CatalogInput.file(Path.of("rules", "roles.csv")));

    private Inventory load(String text, List<CatalogProblem> problems) throws Exception {
        Path f = dir.resolve("inv.csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        InventoryLoader loader = new InventoryLoader();
        Inventory inv = loader.load(f, roles);
        problems.addAll(loader.problems());
        return inv;
    }

    private static byte[] ip(String s) throws Exception {
        return InetAddress.getByName(s).getAddress();
    }

    @Test
    void longestPrefixWinsForIpv4AndIpv6() throws Exception {
        List<CatalogProblem> problems = new java.util.ArrayList<>();
        Inventory inv = load("""
                address,role,name
                10.0.0.0/8,endpoint,corp
                10.20.0.0/16,phone,voice
                10.20.5.7,admin,odd one
                2001:db8::/32,endpoint,v6 corp
                2001:db8:20::/48,phone,v6 voice
                2001:db8:20::5,cucm-publisher,pub6
                """, problems);
        assertEquals(List.of(), problems);
        assertEquals("phone", inv.lookup(ip("10.20.9.9")).role());
        assertEquals("admin", inv.lookup(ip("10.20.5.7")).role());
        assertEquals("endpoint", inv.lookup(ip("10.99.0.1")).role());
        Host unknown = inv.lookup(ip("192.0.2.1"));
        assertEquals("unknown", unknown.role());
        assertFalse(unknown.inInventory());
        assertTrue(unknown.is("endpoint"));
        assertFalse(unknown.is("phone"));
        assertEquals("phone", inv.lookup(ip("2001:db8:20::9")).role());
        Host pub = inv.lookup(ip("2001:db8:20::5"));
        assertEquals("cucm-publisher", pub.role());
        assertEquals("2001:db8:20::5", pub.address().text());
        assertTrue(pub.is("cucm") && pub.is("media") && pub.is("endpoint"));
        assertEquals("endpoint", inv.lookup(ip("2001:db8:99::1")).role());
        assertEquals(2, inv.entriesWithRole("phone").size());
        assertEquals(1, inv.entriesWithRole("cucm").size());
    }

    /** Issue 15: IPv4-mapped IPv6 rows were accepted and never matched IPv4 traffic. */
    @Test
    void ipv4MappedRowsMatchTheIpv4Hosts() throws Exception {
        List<CatalogProblem> problems = new java.util.ArrayList<>();
        Inventory inv = load("""
                address,role,name
                ::ffff:10.30.0.1,cucm-publisher,pub
                ::ffff:10.40.0.0/120,phone,voice
                10.30.0.1,admin,again
                """, problems);
        assertEquals("cucm-publisher", inv.lookup(ip("10.30.0.1")).role());
        assertEquals("phone", inv.lookup(ip("10.40.0.77")).role());
        assertEquals("unknown", inv.lookup(ip("10.40.1.1")).role());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).describe().contains(":4: 10.30.0.1/32 is already listed at"), problems.get(0).describe());
    }

    @Test
    void badRowsNameFileAndLine() throws Exception {
        List<CatalogProblem> problems = new java.util.ArrayList<>();
        Inventory inv = load("""
                address,role,name
                10.0.0.1,cucm,ok
                10.0.0.300,cucm,bad address
                10.1.0.0/33,phone,bad length
                10.2.0.1/16,phone,host bits
                10.3.0.1,wizard,bad role
                10.0.0.1,phone,duplicate
                cucm-pub.example.com,cucm,host name
                """, problems);
        assertEquals(1, inv.entries().size());
        List<String> msgs = problems.stream().map(CatalogProblem::describe).toList();
        assertEquals(6, msgs.size(), msgs.toString());
        String f = dir.resolve("inv.csv").toString();
        assertTrue(msgs.get(0).startsWith(f + ":3: '10.0.0.300' is not"), msgs.get(0));
        assertTrue(msgs.get(1).startsWith(f + ":4: '10.1.0.0/33': prefix length 33 exceeds 32"), msgs.get(1));
        assertTrue(msgs.get(2).startsWith(f + ":5: '10.2.0.1/16' has host bits set beyond /16 (did you mean 10.2.0.0/16?)"), msgs.get(2));
        assertTrue(msgs.get(3).startsWith(f + ":6: role 'wizard' is not one of"), msgs.get(3));
        assertTrue(msgs.get(4).startsWith(f + ":7: 10.0.0.1/32 is already listed at " + f + ":2"), msgs.get(4));
        assertTrue(msgs.get(5).startsWith(f + ":8: 'cucm-pub.example.com' is not"), msgs.get(5));
    }

    @Test
    void ipv6IsWrittenInRfc5952Form() throws Exception {
        assertEquals("2001:db8::a", AddressFormat.format(ip("2001:0db8:0000:0000:0000:0000:0000:000a"), 0, 16));
        assertEquals("2001:db8:0:1:1:1:1:1", AddressFormat.format(ip("2001:db8:0:1:1:1:1:1"), 0, 16));
        assertEquals("2001:db8::1:0:0:1", AddressFormat.format(ip("2001:db8:0:0:1:0:0:1"), 0, 16));
        assertEquals("::1", AddressFormat.format(ip("::1"), 0, 16));
        assertEquals("::", AddressFormat.format(new byte[16], 0, 16));
        assertEquals("fe80::1:2", AddressFormat.format(ip("fe80::1:2"), 0, 16));
    }
}
