package org.aitia.healing.openstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.aitia.healing.adapter.Attempt;
import org.aitia.healing.adapter.Retrying;

/**
 * One authenticated call to an OpenStack service: fetches a fresh token, sends the request
 * asynchronously, and turns the answer into an {@link Attempt}: 2xx ok, 5xx retryable, 401
 * retryable after dropping the token, other 4xx final with the service's message.
 */
public final class OpenStackHttp {
    private final KeystoneSession keystone;
    private final HttpClient http;
    private final Duration timeout;

    public OpenStackHttp(KeystoneSession keystone, HttpClient http, Duration timeout) {
        this.keystone = keystone;
        this.http = http;
        this.timeout = timeout;
    }

    /** The session whose tokens the calls carry. */
    public KeystoneSession keystone() {
        return keystone;
    }

    /**
     * A call.
     *
     * @param service the name in messages ({@code nova})
     * @param serviceType the catalog type ({@code compute})
     * @param method the HTTP method
     * @param path appended to the endpoint, starting with {@code /}
     * @param headers extra headers (the microversion)
     * @param body a JSON body, or null
     * @param onSuccess what a 2xx answer means in words
     */
    public CompletableFuture<Attempt> call(
            String service,
            String serviceType,
            String method,
            String path,
            Map<String, String> headers,
            String body,
            Function<HttpResponse<String>, String> onSuccess) {
        return keystone.token()
                .thenCompose(
                        token -> {
                            HttpRequest.Builder b =
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            keystone.endpoint(token, serviceType)
                                                                    + path))
                                            .timeout(timeout)
                                            .header("X-Auth-Token", token.id())
                                            .header("Accept", "application/json");
                            headers.forEach(b::header);
                            if (body == null) {
                                b.method(method, HttpRequest.BodyPublishers.noBody());
                            } else {
                                b.header("Content-Type", "application/json");
                                b.method(method, HttpRequest.BodyPublishers.ofString(body));
                            }
                            return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString())
                                    .thenApply(
                                            response -> {
                                                if (response.statusCode() == 401) {
                                                    keystone.invalidate(token);
                                                    return Attempt.retryable(
                                                            service
                                                                    + " answered 401: "
                                                                    + Faults.message(
                                                                            response.body()));
                                                }
                                                if (response.statusCode() / 100 == 2) {
                                                    return Attempt.ok(onSuccess.apply(response));
                                                }
                                                return Attempt.ofStatus(
                                                        response.statusCode(),
                                                        describe(service, method, path, response));
                                            });
                        })
                .exceptionally(
                        error ->
                                Attempt.retryable(
                                        service
                                                + " "
                                                + method
                                                + " "
                                                + path
                                                + " failed: "
                                                + Retrying.describe(error)));
    }

    static String describe(
            String service, String method, String path, HttpResponse<String> response) {
        return service
                + " answered "
                + response.statusCode()
                + " to "
                + method
                + " "
                + path
                + ": "
                + Faults.message(response.body());
    }
}
