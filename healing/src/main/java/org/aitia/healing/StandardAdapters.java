package org.aitia.healing;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.aitia.healing.adapter.Adapter;
import org.aitia.healing.adapter.Retrying;
import org.aitia.healing.adapter.WebhookAdapter;
import org.aitia.healing.kubernetes.KubernetesAdapter;
import org.aitia.healing.openstack.KeystoneSession;
import org.aitia.healing.openstack.MistralAdapter;
import org.aitia.healing.openstack.NeutronAdapter;
import org.aitia.healing.openstack.NovaAdapter;
import org.aitia.healing.openstack.OpenStackHttp;

/**
 * Builds the adapters a configuration names: Nova, Neutron and Mistral when {@code
 * healing.openstack} is set (one Keystone session, one asynchronous HTTP client), Kubernetes
 * (kubeconfig or in-cluster unless {@code healing.kubernetes.masterUrl} is set), and the webhook.
 */
public final class StandardAdapters {
    private StandardAdapters() {}

    /**
     * The adapters of {@code config}.
     *
     * @param executor runs HTTP completions, backoff waits and the blocking Kubernetes calls
     * @param kubernetes the Kubernetes client, or null to build one from the configuration
     */
    public static List<Adapter> create(
            HealingConfig config,
            ExecutorService executor,
            KubernetesClient kubernetes,
            Clock clock) {
        HttpClient http = httpClient(config, executor);
        Retrying retrying = new Retrying(config.retry(), executor);
        List<Adapter> adapters = new ArrayList<>();
        if (config.openstack() != null) {
            KeystoneSession keystone =
                    new KeystoneSession(
                            config.openstack(), http, clock, config.retry().callTimeout());
            OpenStackHttp os = new OpenStackHttp(keystone, http, config.retry().callTimeout());
            adapters.add(new NovaAdapter(os, retrying));
            adapters.add(new NeutronAdapter(os, retrying));
            adapters.add(new MistralAdapter(os, retrying));
        }
        KubernetesClient k8s = kubernetes != null ? kubernetes : kubernetesClient(config);
        adapters.add(new KubernetesAdapter(k8s, config.kubernetes(), retrying, executor));
        adapters.add(
                new WebhookAdapter(config.webhook(), http, retrying, config.retry().callTimeout()));
        return adapters;
    }

    /** The HTTP/1.1 client of the OpenStack and webhook adapters. */
    public static HttpClient httpClient(HealingConfig config, ExecutorService executor) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.retry().callTimeout())
                .executor(executor)
                .build();
    }

    private static KubernetesClient kubernetesClient(HealingConfig config) {
        Config k8s =
                config.kubernetes().masterUrl() == null
                        ? Config.autoConfigure(null)
                        : new ConfigBuilder()
                                .withMasterUrl(config.kubernetes().masterUrl())
                                .build();
        return new KubernetesClientBuilder().withConfig(k8s).build();
    }
}
