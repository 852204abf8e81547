package dev.ucaudit.inspect;

/**
 * One protocol's registration, as a Suricata parser or a Zeek plugin registers itself: each
 * {@code inspect/<protocol>/} package has one, listed in {@code META-INF/services} and found by
 * {@link ProtocolRegistry}.
 */
public interface ProtocolModule {
    Registration registration();
}
