package dev.ucaudit.events;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * {@code live --syslog udp://HOST:PORT} or {@code tcp://HOST:PORT}: each event as an RFC 5424 message
 * (facility daemon, severity warning, APP-NAME ucaudit, MSGID the event's type, the JSON line as MSG), over
 * UDP one per datagram, over TCP with octet-counting framing (RFC 6587). Messages are sent by a thread of
 * their own from a bounded queue, so a slow or absent collector never holds up the capture: what cannot be
 * sent (queue full, collector down) is counted as lost, said once when it starts and again when it ends.
 */
public final class SyslogChannel implements EventChannel {
    /** daemon (3) * 8 + warning (4). */
    static final int PRIORITY = 28;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final long RETRY_NANOS = 5_000_000_000L;
    private static final String END = "";

    private final String name;
    private final boolean tcp;
    private final InetSocketAddress to;
    private final String hostname;
    private final long pid = ProcessHandle.current().pid();
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(10_000);
    private final Consumer<String> notices;
    private final Thread sender;
    /** Counted by the capture's thread (queue full) and the sender's (collector down). */
    private final LongAdder lost = new LongAdder();
    private DatagramSocket udp;
    private Socket tcpSocket;
    private OutputStream tcpOut;
    private long downSince = Long.MIN_VALUE;
    private long lostWhileDown;

    private SyslogChannel(String name, boolean tcp, InetSocketAddress to, Consumer<String> notices) {
        this.name = name;
        this.tcp = tcp;
        this.to = to;
        this.notices = notices;
        this.hostname = hostname();
        this.sender = new Thread(this::sendLoop, "ucaudit-syslog");
        sender.setDaemon(true);
    }

    /**
     * Parses {@code udp://HOST:PORT} or {@code tcp://HOST:PORT} ({@code [::1]} for IPv6; port 514 when left out)
     * and starts the sender. {@code notices} hears when the collector cannot be reached and when it is again.
     */
    public static SyslogChannel open(String url, Consumer<String> notices) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--syslog '" + url + "': give udp://HOST:PORT or tcp://HOST:PORT");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("udp") && !scheme.equals("tcp") || uri.getHost() == null
                || uri.getPath() != null && !uri.getPath().isEmpty()) {
            throw new IllegalArgumentException("--syslog '" + url + "': give udp://HOST:PORT or tcp://HOST:PORT");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        SyslogChannel c = new SyslogChannel(url, scheme.equals("tcp"),
                new InetSocketAddress(host, uri.getPort() < 0 ? 514 : uri.getPort()), notices);
        if (c.to.isUnresolved()) {
            throw new IllegalArgumentException("--syslog '" + url + "': unknown host " + host);
        }
        c.sender.start();
        return c;
    }

    private static String hostname() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            return h.isEmpty() || !h.matches("[!-~]{1,255}") ? "-" : h;
        } catch (IOException e) {
            return "-";
        }
    }

    /** The RFC 5424 message of one event at wall time {@code now}. */
    String message(String event, String json, Instant now) {
        return "<" + PRIORITY + ">1 " + STAMP.format(now) + " " + hostname + " ucaudit " + pid + " " + event + " - " + json;
    }

    @Override
    public void send(String event, long atNanos, String json) {
        if (!queue.offer(message(event, json, Instant.now()))) {
            lost.increment();
        }
    }

    private void sendLoop() {
        try {
            while (true) {
                String m = queue.take();
                if (m == END) {
                    return;
                }
                deliver(m);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            disconnect();
        }
    }

    private void deliver(String m) {
        long now = System.nanoTime();
        if (downSince != Long.MIN_VALUE && now - downSince < RETRY_NANOS) {
            lostOne();
            return;
        }
        try {
            byte[] bytes = m.getBytes(StandardCharsets.UTF_8);
            if (tcp) {
                if (tcpSocket == null) {
                    tcpSocket = new Socket();
                    tcpSocket.connect(to, 5000);
                    tcpOut = tcpSocket.getOutputStream();
                }
                tcpOut.write((bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
                tcpOut.write(bytes);
                tcpOut.flush();
            } else {
                if (udp == null) {
                    udp = new DatagramSocket();
                    udp.connect(to); // connected: a collector's port unreachable comes back as an error
                }
                udp.send(new DatagramPacket(bytes, bytes.length));
            }
            if (downSince != Long.MIN_VALUE) {
                notices.accept("ucaudit: --syslog " + name + ": the collector answers again; " + lostWhileDown
                        + (lostWhileDown == 1 ? " event was" : " events were") + " lost meanwhile");
                downSince = Long.MIN_VALUE;
                lostWhileDown = 0;
            }
        } catch (IOException e) {
            disconnect();
            if (downSince == Long.MIN_VALUE) {
                notices.accept("ucaudit: --syslog " + name + ": cannot send to the collector (" + e.getMessage()
                        + "); capture goes on, events are counted as lost until it answers (tried again every 5 s)");
            }
            downSince = now;
            lostOne();
        }
    }

    private void lostOne() {
        lost.increment();
        lostWhileDown++;
    }

    private void disconnect() {
        if (udp != null) {
            udp.close();
            udp = null;
        }
        if (tcpSocket != null) {
            try {
                tcpSocket.close();
            } catch (IOException e) {
                // closing anyway
            }
            tcpSocket = null;
            tcpOut = null;
        }
    }

    @Override
    public long lost() {
        return lost.sum();
    }

    @Override
    public String name() {
        return "--syslog " + name;
    }

    /** Sends what is queued (for at most 5 s), then stops; what is left is lost. */
    @Override
    public void close() {
        try {
            if (!queue.offer(END, 5, TimeUnit.SECONDS)) {
                sender.interrupt();
            }
            sender.join(5000);
            if (sender.isAlive()) {
                sender.interrupt();
                sender.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lost.add(queue.size());
        queue.clear();
    }
}
