package org.aitia.streaming.functions;

import org.aitia.model.TelemetryEvent;
import org.apache.flink.api.java.functions.KeySelector;

/** The key selectors of the job. */
public final class Keys {
    private Keys() {}

    /** A telemetry event by the reference its source used. */
    public static final class EntityRef implements KeySelector<TelemetryEvent, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(TelemetryEvent e) {
            return e.entityRef();
        }
    }

    /** An index entry by its reference. */
    public static final class IndexRef implements KeySelector<EntityIndexEntry, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(EntityIndexEntry e) {
            return e.ref();
        }
    }

    /** A resolved event by its entity id. */
    public static final class EntityId implements KeySelector<ResolvedEvent, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(ResolvedEvent e) {
            return e.entityId();
        }
    }

    /** Correlation input by site. */
    public static final class Site implements KeySelector<SiteInput, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(SiteInput in) {
            return in.site();
        }
    }
}
