package dev.ucaudit.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PortRangesTest {
    @Test
    void parsesListsAndRangesAndNormalizes() {
        PortRanges p = PortRanges.parse("6969, 69,32768-61000");
        assertEquals("69,6969,32768-61000", p.toString());
        assertTrue(p.contains(69));
        assertTrue(p.contains(32768));
        assertTrue(p.contains(61000));
        assertFalse(p.contains(61001));
        assertFalse(p.contains(70));
        assertEquals(2 + 28233, p.size());
    }

    @Test
    void mergesOverlappingAndAdjacentRanges() {
        assertEquals("1000-2005", PortRanges.parse("1000-2000,1500-2001,2002-2005").toString());
        assertEquals("1,3", PortRanges.parse("3,1,3").toString());
    }

    @Test
    void emptyIsEmpty() {
        assertTrue(PortRanges.parse("").isEmpty());
        assertEquals("", PortRanges.parse(" ").toString());
    }

    @Test
    void minusCutsHoles() {
        PortRanges all = PortRanges.parse("69,6969,32768-61000");
        assertEquals("69,6969", all.minus(PortRanges.parse("32768-61000")).toString());
        assertEquals("16384-24575", PortRanges.parse("16384-32767").minus(PortRanges.parse("24576-32767")).toString());
        assertEquals("10-19,31-40", PortRanges.parse("10-40").minus(PortRanges.parse("20-30")).toString());
    }

    @Test
    void rejectsBadText() {
        assertThrows(IllegalArgumentException.class, () -> PortRanges.parse("70000"));
        assertThrows(IllegalArgumentException.class, () -> PortRanges.parse("20-10"));
        assertThrows(IllegalArgumentException.class, () -> PortRanges.parse("9,966x"));
        assertThrows(IllegalArgumentException.class, () -> PortRanges.parse("69、6969"));
    }
}
