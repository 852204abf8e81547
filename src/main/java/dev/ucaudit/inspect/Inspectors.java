package dev.ucaudit.inspect;

import java.util.Set;
import dev.ucaudit.inspect.h323.H225Inspector;
import dev.ucaudit.inspect.h323.H245Inspector;
import dev.ucaudit.inspect.mgcp.MgcpInspector;
import dev.ucaudit.inspect.sccp.SccpInspector;
import dev.ucaudit.inspect.sip.SipInspector;
import dev.ucaudit.inspect.tftp.TftpInspector;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Registry built per run (no static singleton): name -> factory for sip, sccp, h225, h245, mgcp, tftp. */
public final class Inspectors {
    private final Map<String, InspectorFactory> factories;

    private Inspectors(Map<String, InspectorFactory> factories) {
        this.factories = Collections.unmodifiableMap(factories);
    }

    public static Inspectors standard() {
        Map<String, InspectorFactory> m = new LinkedHashMap<>();
        put(m, SipInspector.NAME, SipInspector::new);
        put(m, SccpInspector.NAME, SccpInspector::new);
        put(m, H225Inspector.NAME, H225Inspector::new);
        put(m, H245Inspector.NAME, H245Inspector::new);
        put(m, MgcpInspector.NAME, MgcpInspector::new);
        put(m, TftpInspector.NAME, TftpInspector::new);
        return new Inspectors(m);
    }

    private static void put(Map<String, InspectorFactory> m, String name, Supplier<Inspector> make) {
        m.put(name, new InspectorFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Inspector newInspector() {
                return make.get();
            }
        });
    }

    public Optional<InspectorFactory> get(String name) {
        return Optional.ofNullable(factories.get(name));
    }

    public Set<String> names() {
        return factories.keySet();
    }
}
