package dev.ucaudit.inventory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IpAddressTest {
    @Test
    void equalByBytesAndACopyOfThem() {
        byte[] b = {10, 0, 0, 2};
        IpAddress a = IpAddress.of(b);
        b[3] = 9; // the caller's array changes; the address does not
        assertEquals(IpAddress.parse("10.0.0.2"), a);
        assertEquals(IpAddress.parse("10.0.0.2").hashCode(), a.hashCode());
        assertNotEquals(IpAddress.of(b), a);
        a.bytes()[0] = 99;
        assertArrayEquals(new byte[] {10, 0, 0, 2}, a.bytes());
        assertEquals(IpAddress.of(new byte[] {0, 10, 0, 0, 2, 0}, 1, 4), a);
    }

    @Test
    void textIsWhatReportsWrite() {
        assertEquals("10.0.0.2", IpAddress.parse("10.0.0.2").text());
        assertEquals("2001:db8::a", IpAddress.parse("2001:0db8:0:0:0:0:0:000a").text());
        // an IPv4-mapped IPv6 address stays IPv6 (InetAddress would make it 10.0.0.1)
        IpAddress mapped = IpAddress.parse("::ffff:10.0.0.1");
        assertTrue(mapped.isV6());
        assertEquals("::ffff:a00:1", mapped.text());
        assertNotEquals(IpAddress.parse("10.0.0.1"), mapped);
        assertTrue(IpAddress.TEXT_ORDER.compare(IpAddress.parse("10.0.0.10"), IpAddress.parse("10.0.0.2")) < 0);
    }

    @Test
    void insideAPrefixOfItsFamily() {
        assertTrue(IpAddress.parse("10.0.1.7").in(Prefix.parse("10.0.0.0/16")));
        assertFalse(IpAddress.parse("10.1.1.7").in(Prefix.parse("10.0.0.0/16")));
        assertFalse(IpAddress.parse("::ffff:10.0.1.7").in(Prefix.parse("10.0.0.0/16")));
    }

    @Test
    void aPrefixOrAWrongLengthIsNoAddress() {
        assertThrows(IllegalArgumentException.class, () -> IpAddress.parse("10.0.0.0/24"));
        assertThrows(IllegalArgumentException.class, () -> IpAddress.of(new byte[5]));
    }
}
