package dev.ucaudit.synth;

import java.nio.charset.StandardCharsets;

/** A TCP connection on a {@link Wire}: handshake, data both ways with correct sequence numbers, close. */
public final class TcpSession {
    private static final int FIN = 1;
    private static final int SYN = 2;
    private static final int PSH = 8;
    private static final int ACK = 16;

    private final Wire wire;
    private final Host client;
    private final int clientPort;
    private final Host server;
    private final int serverPort;
    private long clientSeq;
    private long serverSeq;

    public TcpSession(Wire wire, Host client, int clientPort, Host server, int serverPort, long isn) {
        this.wire = wire;
        this.client = client;
        this.clientPort = clientPort;
        this.server = server;
        this.serverPort = serverPort;
        this.clientSeq = isn;
        this.serverSeq = isn * 7 + 12345;
    }

    public TcpSession open() {
        wire.send(client, server, 6, Frames.tcp(clientPort, serverPort, clientSeq, 0, SYN, new byte[0]));
        clientSeq++;
        wire.send(server, client, 6, Frames.tcp(serverPort, clientPort, serverSeq, clientSeq, SYN | ACK, new byte[0]));
        serverSeq++;
        wire.send(client, server, 6, Frames.tcp(clientPort, serverPort, clientSeq, serverSeq, ACK, new byte[0]));
        return this;
    }

    public TcpSession fromClient(byte[] data) {
        wire.send(client, server, 6, Frames.tcp(clientPort, serverPort, clientSeq, serverSeq, PSH | ACK, data));
        clientSeq += data.length;
        wire.send(server, client, 6, Frames.tcp(serverPort, clientPort, serverSeq, clientSeq, ACK, new byte[0]));
        return this;
    }

    public TcpSession fromServer(byte[] data) {
        wire.send(server, client, 6, Frames.tcp(serverPort, clientPort, serverSeq, clientSeq, PSH | ACK, data));
        serverSeq += data.length;
        wire.send(client, server, 6, Frames.tcp(clientPort, serverPort, clientSeq, serverSeq, ACK, new byte[0]));
        return this;
    }

    public TcpSession fromClient(String text) {
        return fromClient(text.getBytes(StandardCharsets.UTF_8));
    }

    public TcpSession fromServer(String text) {
        return fromServer(text.getBytes(StandardCharsets.UTF_8));
    }

    public void close() {
        wire.send(client, server, 6, Frames.tcp(clientPort, serverPort, clientSeq, serverSeq, FIN | ACK, new byte[0]));
        clientSeq++;
        wire.send(server, client, 6, Frames.tcp(serverPort, clientPort, serverSeq, clientSeq, FIN | ACK, new byte[0]));
        serverSeq++;
        wire.send(client, server, 6, Frames.tcp(clientPort, serverPort, clientSeq, serverSeq, ACK, new byte[0]));
    }
}
