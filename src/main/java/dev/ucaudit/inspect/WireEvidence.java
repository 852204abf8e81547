package dev.ucaudit.inspect;

import dev.ucaudit.catalog.AppProtocol;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a flow's first payloads showed about the protocols its ports' rows expect: those it carries
 * ({@code confirmed}) and those it clearly does not, with what it looks like instead ({@code
 * contradicted}: "HTTP", "binary data"). A protocol in neither could not be told (too short,
 * encrypted, no payload, not looked at).
 */
public record WireEvidence(Set<AppProtocol> confirmed, Map<AppProtocol, String> contradicted) {
    public static final WireEvidence NONE = new WireEvidence(Set.of(), Map.of());

    public WireEvidence {
        confirmed = Set.copyOf(confirmed);
        contradicted = Map.copyOf(contradicted);
    }

    /** True when the flow carries one of {@code expected}. */
    public boolean confirms(Set<AppProtocol> expected) {
        for (AppProtocol p : expected) {
            if (confirmed.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the flow carries instead, when it clearly carries none of {@code expected} (a row's
     * protocols); empty when it carries one, could not be told, or nothing is expected.
     */
    public Optional<String> insteadOf(Set<AppProtocol> expected) {
        String what = null;
        for (AppProtocol p : expected) {
            String w = contradicted.get(p);
            if (w == null) {
                return Optional.empty();
            }
            what = what == null ? w : what;
        }
        return Optional.ofNullable(what);
    }
}
