package dev.ucaudit.engine;

import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.decode.Decapsulation;
import dev.ucaudit.inspect.ExpectationTable;
import dev.ucaudit.inventory.Inventory;
import java.time.Duration;
import java.util.Objects;

/**
 * What one audit is run with: the catalog and inventory flows are classified against, and the
 * options that shape the pipeline. Immutable; the same config gives the same audit of the same packets.
 *
 * @param idleTimeout     a flow idle this long (capture time) is finished; a later packet starts a new flow
 * @param maxFlows        most flows tracked at once (the least recently used beyond it is finished early)
 * @param maxFlowRows     most flow rows kept for flows.csv (further flows are counted, not listed)
 * @param listScanFlows   keep the probes of recognised scans as rows (else they are summarised)
 * @param maxConversations most host pairs kept with their own totals
 * @param inspection      read signalling (SIP, SCCP, H.225, MGCP, TFTP) to recognise negotiated media
 * @param probing         look for signalling by content on ports whose catalog row names no inspector
 * @param decapsulation   which tunnels are opened
 * @param pinholeLifetime how long a media opening seen in signalling stays valid (capture time)
 */
public record AuditConfig(Catalog catalog, Inventory inventory, Duration idleTimeout, long maxFlows, int maxFlowRows,
                          boolean listScanFlows, int maxConversations, boolean inspection, boolean probing,
                          Decapsulation decapsulation, Duration pinholeLifetime) {
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(300);
    public static final long DEFAULT_MAX_FLOWS = 1_000_000;
    public static final int DEFAULT_MAX_FLOW_ROWS = 200_000;
    public static final int DEFAULT_MAX_CONVERSATIONS = 500_000;
    public static final Duration DEFAULT_PINHOLE_LIFETIME = ExpectationTable.DEFAULT_TTL;

    public AuditConfig {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(decapsulation, "decapsulation");
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive, not " + idleTimeout);
        }
        if (pinholeLifetime == null || pinholeLifetime.isNegative() || pinholeLifetime.isZero()) {
            throw new IllegalArgumentException("the pinhole lifetime must be positive, not " + pinholeLifetime);
        }
        if (maxFlows < 1 || maxFlowRows < 0 || maxConversations < 0) {
            throw new IllegalArgumentException("limits must not be negative (max flows at least 1): " + maxFlows + ", "
                    + maxFlowRows + ", " + maxConversations);
        }
    }

    /** The command line's defaults: inspection and probing on, tunnels opened, 5-minute idle timeout and pinholes. */
    public static AuditConfig of(Catalog catalog, Inventory inventory) {
        return new AuditConfig(catalog, inventory, DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_FLOWS, DEFAULT_MAX_FLOW_ROWS, false,
                DEFAULT_MAX_CONVERSATIONS, true, true, Decapsulation.AUTO, DEFAULT_PINHOLE_LIFETIME);
    }

    public AuditConfig withIdleTimeout(Duration timeout) {
        return new AuditConfig(catalog, inventory, timeout, maxFlows, maxFlowRows, listScanFlows, maxConversations,
                inspection, probing, decapsulation, pinholeLifetime);
    }

    public AuditConfig withLimits(long flows, int flowRows, int conversations) {
        return new AuditConfig(catalog, inventory, idleTimeout, flows, flowRows, listScanFlows, conversations,
                inspection, probing, decapsulation, pinholeLifetime);
    }

    public AuditConfig withInspection(boolean inspect, boolean probe) {
        return new AuditConfig(catalog, inventory, idleTimeout, maxFlows, maxFlowRows, listScanFlows, maxConversations,
                inspect, probe, decapsulation, pinholeLifetime);
    }
}
