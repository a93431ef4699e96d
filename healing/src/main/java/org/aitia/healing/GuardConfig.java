package org.aitia.healing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The guard's settings: the {@code healing.guard} section of {@code aitia.yaml}. Absent fields take
 * the defaults named here.
 *
 * @param dedupeWindow a second action of the same type on the same target within this window is
 *     suppressed (default 5 min)
 * @param perTargetLimit at most this many actions on one target ... (default 3)
 * @param perTargetWindow ... within this window (default 10 min)
 * @param globalLimit at most this many actions in all ... (default 1000)
 * @param globalWindow ... within this window (default 1 min)
 * @param stormShare a storm is when more than this share of a site's hosts fail ... (default 0.3)
 * @param stormWindow ... within this window (default 2 min)
 * @param stormMinHosts ... and at least this many hosts fail; when the site's size is unknown, this
 *     many failing hosts is a storm (default 3)
 * @param siteHosts the number of hosts of each site, for the storm share
 * @param destructiveTypes the types held during a storm and, in approval mode {@code destructive},
 *     always (default force-down, evacuate, pod delete, NoExecute taint)
 * @param allowTypes when not empty, only these action types pass
 * @param denyTypes these action types never pass
 * @param allowEntities when not empty, only targets matching one of these globs ({@code *}) pass
 * @param denyEntities targets matching one of these globs never pass
 * @param approval {@code none} (default), {@code destructive} or {@code all}: which actions wait as
 *     HELD for an operator's approval
 */
public record GuardConfig(
        Duration dedupeWindow,
        Integer perTargetLimit,
        Duration perTargetWindow,
        Integer globalLimit,
        Duration globalWindow,
        Double stormShare,
        Duration stormWindow,
        Integer stormMinHosts,
        Map<String, Integer> siteHosts,
        List<String> destructiveTypes,
        List<String> allowTypes,
        List<String> denyTypes,
        List<String> allowEntities,
        List<String> denyEntities,
        Approval approval) {

    /** Which actions wait for an operator. */
    public enum Approval {
        NONE,
        DESTRUCTIVE,
        ALL;

        /** Parses {@code none}, {@code destructive} or {@code all}, case-insensitively. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static Approval of(String value) {
            if (value != null) {
                for (Approval a : values()) {
                    if (a.name().equalsIgnoreCase(value.trim())) {
                        return a;
                    }
                }
            }
            throw new IllegalArgumentException(
                    "healing.guard.approval must be none, destructive or all but was " + value);
        }
    }

    /** The action types that remove capacity or work: held during a storm. */
    public static final List<String> DEFAULT_DESTRUCTIVE =
            List.of(
                    "nova.host.force_down",
                    "nova.server.evacuate",
                    "k8s.pod.delete",
                    "k8s.node.taint");

    public GuardConfig {
        dedupeWindow = dedupeWindow == null ? Duration.ofMinutes(5) : dedupeWindow;
        perTargetLimit = perTargetLimit == null ? 3 : perTargetLimit;
        perTargetWindow = perTargetWindow == null ? Duration.ofMinutes(10) : perTargetWindow;
        globalLimit = globalLimit == null ? 1000 : globalLimit;
        globalWindow = globalWindow == null ? Duration.ofMinutes(1) : globalWindow;
        stormShare = stormShare == null ? 0.3 : stormShare;
        if (stormShare <= 0 || stormShare > 1) {
            throw new IllegalArgumentException(
                    "healing.guard.stormShare must be in (0, 1] but was " + stormShare);
        }
        stormWindow = stormWindow == null ? Duration.ofMinutes(2) : stormWindow;
        stormMinHosts = stormMinHosts == null ? 3 : stormMinHosts;
        siteHosts = siteHosts == null ? Map.of() : Map.copyOf(siteHosts);
        destructiveTypes =
                destructiveTypes == null ? DEFAULT_DESTRUCTIVE : List.copyOf(destructiveTypes);
        allowTypes = allowTypes == null ? List.of() : List.copyOf(allowTypes);
        denyTypes = denyTypes == null ? List.of() : List.copyOf(denyTypes);
        allowEntities = allowEntities == null ? List.of() : List.copyOf(allowEntities);
        denyEntities = denyEntities == null ? List.of() : List.copyOf(denyEntities);
        approval = approval == null ? Approval.NONE : approval;
        if (perTargetLimit < 1 || globalLimit < 1) {
            throw new IllegalArgumentException(
                    "healing.guard.perTargetLimit and globalLimit must be at least 1");
        }
    }

    /** All defaults. */
    public static GuardConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link GuardConfig}; unset fields take their defaults. */
    public static final class Builder {
        private Duration dedupeWindow;
        private Integer perTargetLimit;
        private Duration perTargetWindow;
        private Integer globalLimit;
        private Duration globalWindow;
        private Double stormShare;
        private Duration stormWindow;
        private Integer stormMinHosts;
        private Map<String, Integer> siteHosts;
        private List<String> destructiveTypes;
        private List<String> allowTypes;
        private List<String> denyTypes;
        private List<String> allowEntities;
        private List<String> denyEntities;
        private Approval approval;

        public Builder dedupeWindow(Duration v) {
            dedupeWindow = v;
            return this;
        }

        public Builder perTarget(int limit, Duration window) {
            perTargetLimit = limit;
            perTargetWindow = window;
            return this;
        }

        public Builder global(int limit, Duration window) {
            globalLimit = limit;
            globalWindow = window;
            return this;
        }

        public Builder storm(double share, Duration window, int minHosts) {
            stormShare = share;
            stormWindow = window;
            stormMinHosts = minHosts;
            return this;
        }

        public Builder siteHosts(Map<String, Integer> v) {
            siteHosts = v;
            return this;
        }

        public Builder destructiveTypes(List<String> v) {
            destructiveTypes = v;
            return this;
        }

        public Builder allowTypes(List<String> v) {
            allowTypes = v;
            return this;
        }

        public Builder denyTypes(List<String> v) {
            denyTypes = v;
            return this;
        }

        public Builder allowEntities(List<String> v) {
            allowEntities = v;
            return this;
        }

        public Builder denyEntities(List<String> v) {
            denyEntities = v;
            return this;
        }

        public Builder approval(Approval v) {
            approval = v;
            return this;
        }

        public GuardConfig build() {
            return new GuardConfig(
                    dedupeWindow,
                    perTargetLimit,
                    perTargetWindow,
                    globalLimit,
                    globalWindow,
                    stormShare,
                    stormWindow,
                    stormMinHosts,
                    siteHosts,
                    destructiveTypes,
                    allowTypes,
                    denyTypes,
                    allowEntities,
                    denyEntities,
                    approval);
        }
    }
}
