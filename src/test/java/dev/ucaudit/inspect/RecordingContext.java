package dev.ucaudit.inspect;

import dev.ucaudit.catalog.IpProtocol;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** A real InspectionContext for tests: records what the inspector reports. */
public final class RecordingContext implements InspectionContext {
    public final List<Expectation> expectations = new ArrayList<>();
    public final List<String> malformed = new ArrayList<>();
    public final List<String> messages = new ArrayList<>();
    private final InetAddress initiator;
    private final int initiatorPort;
    private final InetAddress responder;
    private final int responderPort;
    private final IpProtocol protocol;
    /** The reassembly budget handed to inspectors (null: none). */
    public dev.ucaudit.inspect.stream.BufferBudget buffers;

    public RecordingContext(String initiator, int initiatorPort, String responder, int responderPort, IpProtocol protocol) {
        this.initiator = addr(initiator);
        this.initiatorPort = initiatorPort;
        this.responder = addr(responder);
        this.responderPort = responderPort;
        this.protocol = protocol;
    }

    public static InetAddress addr(String literal) {
        InetAddress a = dev.ucaudit.inspect.stream.AddressText.parse(literal);
        if (a == null) {
            throw new IllegalArgumentException(literal);
        }
        return a;
    }

    @Override public InetAddress initiator() { return initiator; }
    @Override public int initiatorPort() { return initiatorPort; }
    @Override public InetAddress responder() { return responder; }
    @Override public int responderPort() { return responderPort; }
    @Override public IpProtocol protocol() { return protocol; }
    @Override public long timestampNanos() { return 0; }
    @Override public dev.ucaudit.inspect.stream.BufferBudget buffers() { return buffers; }
    @Override public void expect(Expectation e) { expectations.add(e); }
    @Override public void malformed(String detail) { malformed.add(detail); }
    @Override public void message(String type) { messages.add(type); }

    /** "kind address:port" strings, for compact assertions. */
    public List<String> summary() {
        List<String> out = new ArrayList<>();
        for (Expectation e : expectations) {
            out.add(e.kind() + " " + e.address().getHostAddress() + ":" + e.port() + "/" + e.protocol());
        }
        return out;
    }
}
