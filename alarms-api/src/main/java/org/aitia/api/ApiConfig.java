package org.aitia.api;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Configuration of the API, bound by Jackson from the {@code api} section of {@code aitia.yaml}.
 * Every absent or null field takes the default shown on its accessor.
 *
 * @param host the address to bind, {@code 127.0.0.1}
 * @param port the port, {@code 8999} as Vitrage (0 picks a free one)
 * @param auth how callers authenticate
 * @param maxBodyBytes largest accepted request body, 1 MiB; larger gets 413
 * @param defaultPageSize rows per page when the caller names no {@code limit}, 1000 as {@code
 *     vitrage alarm list} (or maxPageSize when smaller)
 * @param maxPageSize largest accepted {@code limit}, 10000; larger gets 400
 * @param rulesApiEnabled whether {@code /api/v1/rules} (DRL rule sets, which are code) is served,
 *     false
 * @param topics the Kafka topic names
 * @param historyWriter whether this API writes alarm transitions and topology snapshots to
 *     Elasticsearch (true); turn off when another writer does
 * @param retentionDays dated indices older than this many days are deleted, 30
 * @param snapshotIntervalSeconds how often the topology is snapshotted to Elasticsearch, 300
 * @param indexPrefix prefix of every Elasticsearch index and template, {@code aitia}
 * @param dashboards whether the web UI is served under {@code /ui/}, true
 */
public record ApiConfig(
        String host,
        Integer port,
        Auth auth,
        Long maxBodyBytes,
        Integer defaultPageSize,
        Integer maxPageSize,
        Boolean rulesApiEnabled,
        Topics topics,
        Boolean historyWriter,
        Integer retentionDays,
        Integer snapshotIntervalSeconds,
        String indexPrefix,
        Boolean dashboards) {

    public ApiConfig {
        host = host == null || host.isBlank() ? "127.0.0.1" : host.trim();
        port = port == null ? 8999 : port;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("api.port must be 0..65535 but was " + port);
        }
        auth = auth == null ? new Auth(null, null, null) : auth;
        maxBodyBytes = maxBodyBytes == null ? 1024L * 1024L : maxBodyBytes;
        maxPageSize = maxPageSize == null ? 10_000 : maxPageSize;
        defaultPageSize = defaultPageSize == null ? Math.min(1000, maxPageSize) : defaultPageSize;
        if (defaultPageSize < 1 || maxPageSize < defaultPageSize) {
            throw new IllegalArgumentException(
                    "api.defaultPageSize must be >= 1 and <= api.maxPageSize");
        }
        rulesApiEnabled = rulesApiEnabled != null && rulesApiEnabled;
        topics = topics == null ? Topics.defaults() : topics;
        historyWriter = historyWriter == null || historyWriter;
        retentionDays = retentionDays == null ? 30 : retentionDays;
        if (retentionDays < 1) {
            throw new IllegalArgumentException("api.retentionDays must be >= 1");
        }
        snapshotIntervalSeconds = snapshotIntervalSeconds == null ? 300 : snapshotIntervalSeconds;
        indexPrefix =
                indexPrefix == null || indexPrefix.isBlank()
                        ? "aitia"
                        : indexPrefix.toLowerCase(Locale.ROOT);
        dashboards = dashboards == null || dashboards;
    }

    /** All defaults: loopback, port 8999, Vitrage noauth. */
    public static ApiConfig defaults() {
        return new ApiConfig(
                null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** This configuration on another port (0 = any free port). */
    public ApiConfig withPort(int newPort) {
        return new ApiConfig(
                host,
                newPort,
                auth,
                maxBodyBytes,
                defaultPageSize,
                maxPageSize,
                rulesApiEnabled,
                topics,
                historyWriter,
                retentionDays,
                snapshotIntervalSeconds,
                indexPrefix,
                dashboards);
    }

    /** This configuration with another authentication. */
    public ApiConfig withAuth(Auth newAuth) {
        return new ApiConfig(
                host,
                port,
                newAuth,
                maxBodyBytes,
                defaultPageSize,
                maxPageSize,
                rulesApiEnabled,
                topics,
                historyWriter,
                retentionDays,
                snapshotIntervalSeconds,
                indexPrefix,
                dashboards);
    }

    /** This configuration with the DRL rules API on or off. */
    public ApiConfig withRulesApi(boolean enabled) {
        return new ApiConfig(
                host,
                port,
                auth,
                maxBodyBytes,
                defaultPageSize,
                maxPageSize,
                enabled,
                topics,
                historyWriter,
                retentionDays,
                snapshotIntervalSeconds,
                indexPrefix,
                dashboards);
    }

    /** This configuration with other topic names. */
    public ApiConfig withTopics(Topics newTopics) {
        return new ApiConfig(
                host,
                port,
                auth,
                maxBodyBytes,
                defaultPageSize,
                maxPageSize,
                rulesApiEnabled,
                newTopics,
                historyWriter,
                retentionDays,
                snapshotIntervalSeconds,
                indexPrefix,
                dashboards);
    }

    /** How callers authenticate. */
    public enum AuthMode {
        /** Vitrage's noauth: trusts x-user-id, x-project-id, x-roles; loopback only. */
        NOAUTH,
        /** Static bearer tokens from {@link Auth#tokens()}. */
        STATIC,
        /** Keystone v3 token validation of X-Auth-Token. */
        KEYSTONE;

        /** Parses {@code noauth}, {@code static} or {@code keystone}, case-insensitively. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static AuthMode of(String value) {
            if (value != null) {
                for (AuthMode m : values()) {
                    if (m.name().equalsIgnoreCase(value.trim())) {
                        return m;
                    }
                }
            }
            throw new IllegalArgumentException(
                    "api.auth.mode must be noauth, static or keystone but was " + value);
        }
    }

    /**
     * Authentication settings.
     *
     * @param mode {@code noauth} (default), {@code static} or {@code keystone}
     * @param tokens the static tokens (mode static)
     * @param keystone the Keystone settings (mode keystone)
     */
    public record Auth(AuthMode mode, List<StaticToken> tokens, Keystone keystone) {
        public Auth {
            mode = mode == null ? AuthMode.NOAUTH : mode;
            tokens = tokens == null ? List.of() : List.copyOf(tokens);
            if (mode == AuthMode.STATIC && tokens.isEmpty()) {
                throw new IllegalArgumentException(
                        "api.auth.tokens must not be empty in static mode");
            }
            if (mode == AuthMode.KEYSTONE && (keystone == null || keystone.url() == null)) {
                throw new IllegalArgumentException(
                        "api.auth.keystone.url is required in keystone mode");
            }
        }

        public static Auth noauth() {
            return new Auth(AuthMode.NOAUTH, null, null);
        }

        public static Auth staticTokens(List<StaticToken> tokens) {
            return new Auth(AuthMode.STATIC, tokens, null);
        }

        public static Auth keystone(Keystone keystone) {
            return new Auth(AuthMode.KEYSTONE, null, keystone);
        }
    }

    /**
     * One static bearer token and who holds it. {@link #toString()} never shows the token.
     *
     * @param token the secret
     * @param userId the user it authenticates
     * @param projectId the user's project (tenant)
     * @param roles {@code reader} and/or {@code admin}
     */
    public record StaticToken(String token, String userId, String projectId, Set<String> roles) {
        public StaticToken {
            if (token == null || token.length() < 16) {
                throw new IllegalArgumentException(
                        "api.auth.tokens[].token must have at least 16 characters");
            }
            if (userId == null || userId.isBlank()) {
                throw new IllegalArgumentException("api.auth.tokens[].userId is required");
            }
            projectId = projectId == null || projectId.isBlank() ? "default" : projectId;
            roles = roles == null || roles.isEmpty() ? Set.of("reader") : Set.copyOf(roles);
        }

        @Override
        public String toString() {
            return "StaticToken[userId="
                    + userId
                    + ", projectId="
                    + projectId
                    + ", roles="
                    + roles
                    + "]";
        }
    }

    /**
     * Keystone v3 settings.
     *
     * @param url Keystone's base URL, e.g. {@code http://keystone:5000} (the API calls {@code
     *     /v3/auth/tokens} below it)
     * @param serviceToken the token the API presents to validate users' tokens; when null each
     *     token validates itself
     * @param cacheSeconds how long a validation is trusted, 300 (never beyond the token's expiry)
     */
    public record Keystone(String url, String serviceToken, Integer cacheSeconds) {
        public Keystone {
            if (url != null && url.endsWith("/")) {
                url = url.substring(0, url.length() - 1);
            }
            cacheSeconds = cacheSeconds == null ? 300 : cacheSeconds;
        }

        @Override
        public String toString() {
            return "Keystone[url="
                    + url
                    + ", serviceToken="
                    + (serviceToken == null ? "none" : "***")
                    + ", cacheSeconds="
                    + cacheSeconds
                    + "]";
        }
    }

    /**
     * Kafka topic names.
     *
     * @param telemetry {@code aitia.telemetry}
     * @param topology {@code aitia.topology}
     * @param alarms {@code aitia.alarms}
     * @param actions {@code aitia.actions}
     * @param actionResults {@code aitia.action-results}
     * @param rules {@code aitia.rules}
     * @param webhooks {@code aitia.webhooks}
     * @param actionApprovals {@code aitia.action-approvals}
     */
    public record Topics(
            String telemetry,
            String topology,
            String alarms,
            String actions,
            String actionResults,
            String rules,
            String webhooks,
            String actionApprovals) {
        public Topics {
            telemetry = or(telemetry, "aitia.telemetry");
            topology = or(topology, "aitia.topology");
            alarms = or(alarms, "aitia.alarms");
            actions = or(actions, "aitia.actions");
            actionResults = or(actionResults, "aitia.action-results");
            rules = or(rules, "aitia.rules");
            webhooks = or(webhooks, "aitia.webhooks");
            actionApprovals = or(actionApprovals, "aitia.action-approvals");
        }

        public static Topics defaults() {
            return new Topics(null, null, null, null, null, null, null, null);
        }

        private static String or(String v, String d) {
            return v == null || v.isBlank() ? d : v;
        }
    }
}
