package dev.ucaudit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.catalog.CatalogLoader;
import dev.ucaudit.catalog.CatalogProblem;
import dev.ucaudit.catalog.Roles;
import dev.ucaudit.report.FlowRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {
    static Roles roles;

    @TempDir
    Path dir;

    @BeforeAll
    static void roles() {
        roles = new CatalogLoader().load(List.of()).roles();
    }

    private Path file(String text) throws IOException {
        Path f = dir.resolve("allowed.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void everyBadRowIsNamedWithFileAndLine() throws IOException {
        Path f = file("""
                # a comment line
                source,destination,protocol,ports,comment
                phone,cucm,tcp,2000,ok
                phnoe,cucm,tcp,2000,typo in role
                phone,10.1.2.3/16,tcp,2000,host bits
                phone,cucm,icmp,7,ports on icmp
                phone,cucm,tcp,70000,port out of range
                phone,cucm,quic,,unknown protocol
                ,cucm,tcp,1,empty source
                """);
        PolicyLoader loader = new PolicyLoader(roles);
        AllowedPolicy p = loader.load(f);
        assertEquals(1, p.rules().size());
        assertEquals(f + ":3", p.rules().get(0).origin());
        List<String> problems = loader.problems().stream().map(CatalogProblem::describe).toList();
        assertEquals(6, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(f + ":4: source: 'phnoe' is neither an address/CIDR nor a role"), problems.get(0));
        assertTrue(problems.get(1).startsWith(f + ":5: destination: '10.1.2.3/16' has host bits set"), problems.get(1));
        assertTrue(problems.get(2).startsWith(f + ":6: ports '7' need protocol tcp, udp"), problems.get(2));
        assertTrue(problems.get(3).startsWith(f + ":7: ports: port 70000 is out of range"), problems.get(3));
        assertTrue(problems.get(4).startsWith(f + ":8: protocol: unknown protocol 'quic'"), problems.get(4));
        assertTrue(problems.get(5).startsWith(f + ":9: source: empty"), problems.get(5));
    }

    @Test
    void headerAndMissingFile() throws IOException {
        PolicyLoader loader = new PolicyLoader(roles);
        loader.load(file("# policy\nsrc,dst,proto\nphone,cucm,tcp\n"));
        assertEquals(2, loader.problems().get(0).line());
        assertTrue(loader.problems().get(0).message().startsWith("header must be source,destination,protocol,ports,comment"));
        PolicyLoader missing = new PolicyLoader(roles);
        missing.load(dir.resolve("nope.csv"));
        assertTrue(missing.problems().get(0).describe().endsWith("nope.csv: allowed-flows file not found"));
    }

    private static FlowRow flow(String from, String fromRole, String to, String toRole, String proto, int port) {
        return new FlowRow("2026-11-02T09:00:00Z", "2026-11-02T09:00:01Z", from, 50000, to, port, proto, 1, 100, fromRole,
                toRole, "documented", "T0-00", "");
    }

    @Test
    void rolesMatchThroughTheHierarchyAndCidrsByPrefix() throws IOException {
        PolicyLoader loader = new PolicyLoader(roles);
        AllowedPolicy p = loader.load(file("""
                source,destination,protocol,ports,comment
                phone,cucm,tcp/udp,"2000,5060",signalling
                10.50.0.0/24,cucm-publisher,tcp,443,admins
                any,2001:db8:10::/64,icmpv6,,ping
                """));
        assertTrue(loader.problems().isEmpty(), loader.problems().toString());
        PolicyCheck check = new PolicyCheck(p, roles);
        PolicyCheck.Result r = check.check(List.of(
                flow("10.20.0.21", "phone", "10.10.1.11", "cucm-subscriber", "tcp", 2000),
                flow("10.20.0.21", "phone", "10.10.1.11", "cucm-subscriber", "udp", 5060),
                flow("10.50.0.7", "admin", "10.10.1.10", "cucm-publisher", "tcp", 443),
                flow("10.50.0.7", "admin", "10.10.1.11", "cucm-subscriber", "tcp", 443),
                flow("10.20.0.21", "phone", "10.10.1.11", "cucm-subscriber", "tcp", 2001)));
        assertEquals(2, r.escaped().size());
        PolicyCheck.Escape wrongDest = r.escaped().get(0);
        assertEquals(f(dir) + ":3", wrongDest.nearest().orElseThrow().origin());
        assertTrue(wrongDest.why().contains("destination 10.10.1.11 (cucm-subscriber) is not cucm-publisher"), wrongDest.why());
        assertTrue(r.escaped().get(1).why().contains("port 2001 is not in 2000,5060"), r.escaped().get(1).why());
        assertEquals(1, r.unusedRules().size());
        assertEquals("icmpv6", r.unusedRules().get(0).rule().protocolText());
        assertFalse(check.allows(p.rules().get(0), flow("10.20.0.21", "admin", "10.10.1.11", "cucm", "tcp", 2000)));
    }

    private static Path f(Path dir) {
        return dir.resolve("allowed.csv");
    }
}
