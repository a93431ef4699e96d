package org.aitia.healing.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.aitia.healing.Actions.T0;
import static org.aitia.healing.Actions.action;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.aitia.healing.HealingConfig.RetryConfig;
import org.aitia.healing.HealingConfig.WebhookConfig;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.aitia.model.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookAdapterTest {
    WireMockServer receiver;
    ExecutorService pool;
    WebhookAdapter webhook;

    @BeforeEach
    void start() {
        receiver =
                new WireMockServer(
                        WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
        pool = Executors.newFixedThreadPool(2);
        webhook =
                new WebhookAdapter(
                        new WebhookConfig(
                                List.of(receiver.baseUrl() + "/hook"), "s3cret", Map.of()),
                        HttpClient.newBuilder()
                                .version(HttpClient.Version.HTTP_1_1)
                                .executor(pool)
                                .build(),
                        new Retrying(
                                new RetryConfig(
                                        2,
                                        Duration.ofMillis(10),
                                        Duration.ofMillis(10),
                                        Duration.ofSeconds(15)),
                                pool),
                        Duration.ofSeconds(15));
    }

    @AfterEach
    void stop() {
        receiver.stop();
        pool.shutdownNow();
    }

    @Test
    void shouldPostTheActionWithAnHmacSignatureOfTheBody() {
        HealingAction a = action("webhook", "vnf:upf-1", Map.of("reason", "restart"), T0);

        CallOutcome out = webhook.execute(a).join();

        assertThat(out.sent()).as(out.detail()).isTrue();
        LoggedRequest request = receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).get(0);
        assertThat(request.getHeader(WebhookAdapter.SIGNATURE_HEADER))
                .isEqualTo("sha256=" + WebhookAdapter.sign("s3cret", request.getBodyAsString()));
        receiver.verify(
                postRequestedFor(urlEqualTo("/hook"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"notification\": \"aitia.action.execute\", \"payload\": {\"id\": \""
                                                + a.id()
                                                + "\", \"type\": \"webhook\", \"target\": \"vnf:upf-1\"}}",
                                        false,
                                        true)));
    }

    @Test
    void shouldNotifyAnAlarmInVitragesShape() {
        Alarm alarm =
                Alarm.deduced(
                        "edge-7",
                        "edge-7",
                        "suspected monitoring or network partition",
                        Severity.CRITICAL,
                        "healing.storm-guard",
                        List.of(),
                        T0);

        assertThat(webhook.notify(alarm).join().sent()).isTrue();
        webhook.notify(alarm.cleared(T0.plusSeconds(60))).join();

        receiver.verify(
                postRequestedFor(urlEqualTo("/hook"))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"notification\": \"vitrage.alarm.activate\", \"payload\": {"
                                                + "\"vitrage_id\": \""
                                                + alarm.id()
                                                + "\","
                                                + " \"name\": \"suspected monitoring or network partition\","
                                                + " \"state\": \"Active\", \"vitrage_category\": \"ALARM\","
                                                + " \"vitrage_operational_severity\": \"CRITICAL\","
                                                + " \"resource\": {\"id\": \"edge-7\"}}}",
                                        false,
                                        true)));
        receiver.verify(
                postRequestedFor(urlEqualTo("/hook"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"notification\": \"vitrage.alarm.deactivate\","
                                                + " \"payload\": {\"state\": \"Inactive\"}}",
                                        false,
                                        true)));
    }

    @Test
    void shouldFailWithTheReceiversAnswerWithoutRetryingA4xx() {
        receiver.stubFor(
                post(urlEqualTo("/hook"))
                        .willReturn(aResponse().withStatus(403).withBody("bad signature")));

        CallOutcome out = webhook.execute(action("webhook", "vnf:upf-1", Map.of(), T0)).join();

        assertThat(out.sent()).isFalse();
        assertThat(out.attempts()).isEqualTo(1);
        assertThat(out.detail())
                .isEqualTo("webhook " + receiver.baseUrl() + "/hook answered 403: bad signature");
    }
}
