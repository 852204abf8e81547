package dev.ucaudit.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.decode.DecodedPacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntrusiveFlowTableTest {
    private static DecodedPacket packet(int version, byte[] src, int sp, byte[] dst, int dp, int proto) {
        DecodedPacket d = new DecodedPacket();
        d.reset();
        d.ipVersion = version;
        System.arraycopy(src, 0, d.src, 0, src.length);
        System.arraycopy(dst, 0, d.dst, 0, dst.length);
        d.srcPort = sp;
        d.dstPort = dp;
        d.protocol = proto;
        return d;
    }

    private static byte[] v4(int a) {
        return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
    }

    @Test
    void agreesWithAMapOnLookupsSidesAndRemovals() {
        CaptureClock clock = new CaptureClock();
        List<Flow> finished = new ArrayList<>();
        IntrusiveFlowTable t = new IntrusiveFlowTable(1_000_000, Duration.ofHours(1), clock, finished::add);
        Map<FlowKey, Flow> reference = new HashMap<>();
        Random r = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            clock.advanceTo(i);
            boolean six = r.nextInt(5) == 0;
            byte[] s = six ? new byte[16] : v4(0x0a000000 | r.nextInt(64));
            byte[] d = six ? new byte[16] : v4(0x0a000000 | r.nextInt(64));
            if (six) {
                s[15] = (byte) r.nextInt(8);
                d[0] = (byte) 0x20;
                d[15] = (byte) r.nextInt(8);
            }
            int sp = r.nextInt(4) == 0 ? -1 : 1000 + r.nextInt(20);
            int dp = sp < 0 ? -1 : 1000 + r.nextInt(20);
            int proto = sp < 0 ? 1 : (r.nextBoolean() ? 6 : 17);
            DecodedPacket p = packet(six ? 6 : 4, s, sp, d, dp, proto);
            FlowKey key = FlowKey.of(p);
            Flow found = t.lookup(p);
            assertSame(reference.get(key), found);
            assertEquals(key.isFromA(p.src, p.addressLength(), p.srcPort), t.lastFromA());
            if (found == null) {
                Flow f = new Flow(key, Side.A, i);
                t.put(f);
                reference.put(key, f);
            } else if (r.nextInt(10) == 0) {
                t.finish(found);
                reference.remove(key);
            }
            assertSame(reference.get(key), t.get(key));
        }
        assertEquals(reference.size(), t.size());
        t.drain();
        assertEquals(0, t.size());
    }

    @Test
    void expiresIdleFlowsOnCaptureTimeAndBoundsSizeByLeastRecentUse() {
        CaptureClock clock = new CaptureClock();
        List<Flow> finished = new ArrayList<>();
        IntrusiveFlowTable t = new IntrusiveFlowTable(3, Duration.ofNanos(100), clock, finished::add);
        Flow[] f = new Flow[5];
        for (int i = 0; i < 4; i++) {
            clock.advanceTo(i);
            f[i] = new Flow(FlowKey.of(17, v4(i + 1), 1, v4(0x7f000001), 2), Side.A, i);
            t.put(f[i]);
            if (i == 2) {
                assertSame(f[0], t.get(f[0].key())); // f[0] becomes the most recent
            }
        }
        assertEquals(List.of(f[1]), finished, "the least recently used flow is pushed out");
        assertEquals(1, t.evictedSize());
        clock.advanceTo(102);
        assertSame(f[3], t.get(f[3].key()), "idle 99 ns < 100: still there, and touched at 102");
        t.cleanUp();
        assertEquals(2, t.evictedIdle(), "flows 0 and 2, last touched at 2, are idle for 100 ns at 102");
        assertEquals(1, t.size());
        clock.advanceTo(202);
        assertNull(t.get(f[3].key()), "idle for exactly the timeout: expired on lookup");
        assertEquals(3, t.evictedIdle());
        assertEquals(0, t.size());
        assertTrue(finished.containsAll(List.of(f[0], f[1], f[2], f[3])));
    }
}
