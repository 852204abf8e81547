package dev.ucaudit.inspect;

/** A yes/no test of one payload, {@code buf[off, off+len)} of a flow over IP protocol {@code ipProtocol}. */
@FunctionalInterface
public interface PayloadTest {
    boolean test(int ipProtocol, byte[] buf, int off, int len);
}
