package org.aitia.healing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code healing} section of {@code aitia.yaml}. Every absent or null field takes the default
 * named in its description; {@link #defaults()} is the configuration of {@code aitia run --demo}
 * (dry-run, nothing configured).
 *
 * @param dryRun decide and record, call nothing (default true: a VIM is only touched on purpose)
 * @param consumerGroup the Kafka consumer group of {@code aitia.actions} (default {@code
 *     aitia-healing})
 * @param topics the Kafka topics read and written
 * @param journalPath the durable record of claimed and held actions (default {@code
 *     data/healing/journal.jsonl})
 * @param journalFsync force each batch of claims to the disk before the VIM is called (default
 *     true; false survives a process crash but not a power loss)
 * @param auditIndexPrefix the Elasticsearch audit index prefix; a day suffix {@code yyyy.MM.dd} is
 *     appended (default {@code aitia-actions-})
 * @param guard the guard's settings
 * @param retry retries of VIM calls
 * @param openstack Keystone and the OpenStack endpoints; null when there is no OpenStack
 * @param kubernetes the Kubernetes client settings
 * @param webhook webhook receivers and signing
 */
public record HealingConfig(
        Boolean dryRun,
        String consumerGroup,
        Topics topics,
        String journalPath,
        Boolean journalFsync,
        String auditIndexPrefix,
        GuardConfig guard,
        RetryConfig retry,
        OpenStackConfig openstack,
        KubernetesConfig kubernetes,
        WebhookConfig webhook) {

    public HealingConfig {
        dryRun = dryRun == null ? Boolean.TRUE : dryRun;
        consumerGroup = orDefault(consumerGroup, "aitia-healing");
        topics = topics == null ? new Topics(null, null, null, null) : topics;
        journalPath =
                journalPath == null || journalPath.isBlank()
                        ? "data/healing/journal.jsonl"
                        : journalPath;
        journalFsync = journalFsync == null ? Boolean.TRUE : journalFsync;
        auditIndexPrefix =
                auditIndexPrefix == null || auditIndexPrefix.isBlank()
                        ? "aitia-actions-"
                        : auditIndexPrefix;
        guard = guard == null ? GuardConfig.defaults() : guard;
        retry = retry == null ? new RetryConfig(null, null, null, null) : retry;
        kubernetes = kubernetes == null ? new KubernetesConfig(null, null, null) : kubernetes;
        webhook = webhook == null ? new WebhookConfig(null, null, null) : webhook;
    }

    /** Everything by default: dry-run, no OpenStack, the in-cluster or kubeconfig Kubernetes. */
    public static HealingConfig defaults() {
        return new HealingConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Whether the executor calls nothing. */
    public boolean isDryRun() {
        return dryRun;
    }

    /** The journal path as a {@link Path}. */
    public Path journal() {
        return Path.of(journalPath);
    }

    /** This configuration with {@code value} as its dry-run switch. */
    public HealingConfig withDryRun(boolean value) {
        return new HealingConfig(
                value,
                consumerGroup,
                topics,
                journalPath,
                journalFsync,
                auditIndexPrefix,
                guard,
                retry,
                openstack,
                kubernetes,
                webhook);
    }

    /** This configuration with another consumer group. */
    public HealingConfig withConsumerGroup(String group) {
        return new HealingConfig(
                dryRun,
                group,
                topics,
                journalPath,
                journalFsync,
                auditIndexPrefix,
                guard,
                retry,
                openstack,
                kubernetes,
                webhook);
    }

    /** This configuration with other topics. */
    public HealingConfig withTopics(Topics value) {
        return new HealingConfig(
                dryRun,
                consumerGroup,
                value,
                journalPath,
                journalFsync,
                auditIndexPrefix,
                guard,
                retry,
                openstack,
                kubernetes,
                webhook);
    }

    /** This configuration with another journal. */
    public HealingConfig withJournalPath(String path) {
        return new HealingConfig(
                dryRun,
                consumerGroup,
                topics,
                path,
                journalFsync,
                auditIndexPrefix,
                guard,
                retry,
                openstack,
                kubernetes,
                webhook);
    }

    /** This configuration with the journal's fsync switched. */
    public HealingConfig withJournalFsync(boolean value) {
        return new HealingConfig(
                dryRun,
                consumerGroup,
                topics,
                journalPath,
                value,
                auditIndexPrefix,
                guard,
                retry,
                openstack,
                kubernetes,
                webhook);
    }

    /** This configuration with another guard. */
    public HealingConfig withGuard(GuardConfig value) {
        return new HealingConfig(
                dryRun,
                consumerGroup,
                topics,
                journalPath,
                journalFsync,
                auditIndexPrefix,
                value,
                retry,
                openstack,
                kubernetes,
                webhook);
    }

    /** This configuration with other OpenStack settings. */
    public HealingConfig withOpenStack(OpenStackConfig value) {
        return new HealingConfig(
                dryRun,
                consumerGroup,
                topics,
                journalPath,
                journalFsync,
                auditIndexPrefix,
                guard,
                retry,
                value,
                kubernetes,
                webhook);
    }

    /** This configuration with other retry settings. */
    public HealingConfig withRetry(RetryConfig value) {
        return new HealingConfig(
                dryRun,
                consumerGroup,
                topics,
                journalPath,
                journalFsync,
                auditIndexPrefix,
                guard,
                value,
                openstack,
                kubernetes,
                webhook);
    }

    /** This configuration with other webhook settings. */
    public HealingConfig withWebhook(WebhookConfig value) {
        return new HealingConfig(
                dryRun,
                consumerGroup,
                topics,
                journalPath,
                journalFsync,
                auditIndexPrefix,
                guard,
                retry,
                openstack,
                kubernetes,
                value);
    }

    /**
     * Topic names.
     *
     * @param actions consumed (default {@code aitia.actions})
     * @param results produced (default {@code aitia.action-results})
     * @param alarms produced: the storm alarm (default {@code aitia.alarms})
     * @param deadletter produced: actions that cannot be read (default {@code aitia.deadletter})
     */
    public record Topics(String actions, String results, String alarms, String deadletter) {
        public Topics {
            actions = orDefault(actions, "aitia.actions");
            results = orDefault(results, "aitia.action-results");
            alarms = orDefault(alarms, "aitia.alarms");
            deadletter = orDefault(deadletter, "aitia.deadletter");
        }
    }

    /**
     * Retries of a VIM call: on timeouts, connection failures and 5xx answers, never on 4xx.
     *
     * @param maxAttempts calls in all, the first included (default 4)
     * @param initialBackoff the wait before the second call, doubled before each next (default 200
     *     ms)
     * @param maxBackoff the longest wait (default 5 s)
     * @param callTimeout how long one call may take (default 10 s)
     */
    public record RetryConfig(
            Integer maxAttempts,
            Duration initialBackoff,
            Duration maxBackoff,
            Duration callTimeout) {
        public RetryConfig {
            maxAttempts = maxAttempts == null ? 4 : maxAttempts;
            if (maxAttempts < 1) {
                throw new IllegalArgumentException(
                        "healing.retry.maxAttempts must be at least 1 but was " + maxAttempts);
            }
            initialBackoff = initialBackoff == null ? Duration.ofMillis(200) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofSeconds(5) : maxBackoff;
            callTimeout = callTimeout == null ? Duration.ofSeconds(10) : callTimeout;
        }

        /** The wait after attempt {@code attempt} (1-based) failed. */
        public Duration backoffAfter(int attempt) {
            long ms = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
            return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
        }
    }

    /**
     * Keystone v3 and the OpenStack endpoints.
     *
     * @param authUrl Keystone, e.g. {@code http://controller:5000/v3} (required)
     * @param username the user (required)
     * @param password the password (required)
     * @param userDomain the user's domain (default {@code Default})
     * @param projectName the project the token is scoped to (required)
     * @param projectDomain the project's domain (default {@code Default})
     * @param region the catalog region, or null for any
     * @param endpointInterface {@code public}, {@code internal} or {@code admin} (default {@code
     *     public})
     * @param computeUrl overrides the catalog's {@code compute} endpoint
     * @param networkUrl overrides the catalog's {@code network} endpoint
     * @param workflowUrl overrides the catalog's {@code workflowv2} endpoint (Mistral)
     * @param tokenRefreshMargin a token is renewed this long before it expires (default 5 min)
     */
    public record OpenStackConfig(
            String authUrl,
            String username,
            String password,
            String userDomain,
            String projectName,
            String projectDomain,
            String region,
            String endpointInterface,
            String computeUrl,
            String networkUrl,
            String workflowUrl,
            Duration tokenRefreshMargin) {
        public OpenStackConfig {
            required(authUrl, "healing.openstack.authUrl");
            required(username, "healing.openstack.username");
            required(password, "healing.openstack.password");
            required(projectName, "healing.openstack.projectName");
            authUrl = stripSlash(authUrl);
            userDomain = orDefault(userDomain, "Default");
            projectDomain = orDefault(projectDomain, "Default");
            endpointInterface = orDefault(endpointInterface, "public");
            computeUrl = computeUrl == null ? null : stripSlash(computeUrl);
            networkUrl = networkUrl == null ? null : stripSlash(networkUrl);
            workflowUrl = workflowUrl == null ? null : stripSlash(workflowUrl);
            tokenRefreshMargin =
                    tokenRefreshMargin == null ? Duration.ofMinutes(5) : tokenRefreshMargin;
        }

        /** Settings for {@code authUrl} with the given credentials and everything else default. */
        public static OpenStackConfig of(
                String authUrl, String username, String password, String projectName) {
            return new OpenStackConfig(
                    authUrl,
                    username,
                    password,
                    null,
                    projectName,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        /** These settings with another refresh margin. */
        public OpenStackConfig withTokenRefreshMargin(Duration margin) {
            return new OpenStackConfig(
                    authUrl,
                    username,
                    password,
                    userDomain,
                    projectName,
                    projectDomain,
                    region,
                    endpointInterface,
                    computeUrl,
                    networkUrl,
                    workflowUrl,
                    margin);
        }

        @Override
        public String toString() {
            return "OpenStackConfig[authUrl="
                    + authUrl
                    + ", username="
                    + username
                    + ", password=***, projectName="
                    + projectName
                    + "]";
        }
    }

    /**
     * Kubernetes.
     *
     * @param masterUrl the API server; null takes kubeconfig or the in-cluster service account
     * @param defaultNamespace the namespace of a pod when the action names none (default {@code
     *     default})
     * @param taintKey the key of the NoExecute taint {@code k8s.node.taint} adds (default {@code
     *     aitia.org/root-cause})
     */
    public record KubernetesConfig(String masterUrl, String defaultNamespace, String taintKey) {
        public KubernetesConfig {
            defaultNamespace = orDefault(defaultNamespace, "default");
            taintKey = orDefault(taintKey, "aitia.org/root-cause");
        }
    }

    /**
     * Webhook receivers.
     *
     * @param urls the receivers every {@code webhook} action and alarm notification is POSTed to
     * @param hmacSecret when set, each POST carries {@code X-Aitia-Signature: sha256=<hex>} of the
     *     body
     * @param headers extra headers on each POST
     */
    public record WebhookConfig(List<String> urls, String hmacSecret, Map<String, String> headers) {
        public WebhookConfig {
            urls = urls == null ? List.of() : List.copyOf(urls);
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        @Override
        public String toString() {
            return "WebhookConfig[urls="
                    + urls
                    + ", hmacSecret="
                    + (hmacSecret == null ? "none" : "***")
                    + "]";
        }
    }

    static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must be set");
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
