package dev.rapport.reminders.service;

import dev.rapport.kit.tenancy.WorkspaceContext;
import dev.rapport.reminders.config.WebhooksConfig;
import dev.rapport.reminders.mapping.webhook.WebhookSignature;
import dev.rapport.reminders.repository.DeliveryRepository;
import dev.rapport.reminders.repository.DeliveryRepository.Claimed;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends webhook deliveries: claims those due (safe with several replicas, {@link DeliveryRepository#claim}), posts each
 * as a CloudEvent in structured mode, signed (Standard Webhooks headers), without waiting for one before the next:
 * requests are asynchronous, each with its deadline, and an endpoint has at most {@code per-endpoint} deliveries in
 * flight, so one slow or failing receiver never delays the others. A 2xx is a success; anything else (another status,
 * a redirect, a timeout, a refused address) is retried with exponential backoff until {@code retry-for} has passed.
 * Delivery is at least once: receivers tell repeats apart by {@code webhook-id} (the event id).
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final String CLOUD_EVENT_JSON = "application/cloudevents+json; charset=utf-8";

    @Inject
    DeliveryRepository deliveries;

    @Inject
    WebhookAddresses addresses;

    @Inject
    WebhooksConfig config;

    @Inject
    WorkspaceContext workspaces;

    @Inject
    MeterRegistry metrics;

    private static final Duration RESOLVE_TIMEOUT = Duration.ofSeconds(5);

    private HttpClient client;
    // Address checks wait on DNS a user's host name may make slow: their own threads, never the settlers'.
    private final ExecutorService resolvers = Executors.newCachedThreadPool(daemon("webhook-resolve"));
    // Settling is a short transaction, never on the HTTP client's threads.
    private final ExecutorService settlers = Executors.newFixedThreadPool(2, daemon("webhook-settle"));

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @PostConstruct
    void start() {
        client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(config.timeout())
                .build();
    }

    void onStop(@Observes ShutdownEvent event) {
        // Attempts in flight are not settled: their lease runs out and they are sent again.
        resolvers.shutdownNow();
        settlers.shutdownNow();
    }

    /** Deliveries older than rapport.webhooks.keep-deliveries go: their bodies hold people's data. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        workspaces.callAcrossWorkspaces(() -> QuarkusTransaction.requiringNew()
                .call(() -> deliveries.prune(config.keepDeliveries())));
    }

    @Scheduled(every = "${rapport.webhooks.dispatch-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        dispatch();
    }

    /** Claims the deliveries due and sends them; completes when every attempt is settled. */
    public CompletableFuture<Void> dispatch() {
        Duration lease = config.timeout().plusSeconds(60);
        List<Claimed> claimed = workspaces.callAcrossWorkspaces(() -> QuarkusTransaction.requiringNew()
                .call(() -> deliveries.claim(config.batchSize(), config.perEndpoint(), lease)));
        List<CompletableFuture<Void>> attempts = new ArrayList<>();
        for (Claimed delivery : claimed) {
            attempts.add(CompletableFuture.supplyAsync(() -> addresses.refusal(delivery.url()), resolvers)
                    .completeOnTimeout(Optional.of("did not resolve within " + RESOLVE_TIMEOUT.toSeconds() + " s"),
                            RESOLVE_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .thenCompose(refusal -> refusal.isPresent()
                            ? CompletableFuture.completedFuture(Outcome.failed(null, "Not sent: the URL " + refusal.get()))
                            : send(delivery))
                    .thenAcceptAsync(outcome -> settle(delivery, outcome), settlers)
                    .exceptionally(failure -> {
                        LOG.warnf("Could not settle webhook delivery %s (it is tried again after its lease): %s",
                                delivery.id(), failure.getMessage());
                        return null;
                    }));
        }
        return CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Outcome> send(Claimed delivery) {
        Instant now = Instant.now();
        List<String> secrets = new ArrayList<>(List.of(delivery.secret()));
        if (delivery.previousSecret() != null && delivery.previousSecretUntil() != null
                && delivery.previousSecretUntil().isAfter(now)) {
            secrets.add(delivery.previousSecret());
        }
        long timestamp = now.getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(config.timeout())
                    .header("Content-Type", CLOUD_EVENT_JSON)
                    .header("User-Agent", "Rapport-Webhooks/1")
                    .header("webhook-id", delivery.eventId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.header(secrets, delivery.eventId(), timestamp, delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Outcome.failed(null, "Not sent: " + e.getMessage()));
        }
        // The answer is its status: the body is closed unread, so a receiver trickling one cannot hold the attempt.
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .orTimeout(config.timeout().toMillis() + 1000, java.util.concurrent.TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        return Outcome.failed(null, describe(cause));
                    }
                    closeQuietly(response.body());
                    int status = response.statusCode();
                    return status >= 200 && status < 300 ? new Outcome(status, null)
                            : Outcome.failed(status, "HTTP " + status + (status >= 300 && status < 400
                            ? " (redirects are not followed: register the final URL)" : ""));
                });
    }

    private void settle(Claimed delivery, Outcome outcome) {
        Instant now = Instant.now();
        workspaces.callAcrossWorkspaces(() -> QuarkusTransaction.requiringNew().call(() -> {
            if (outcome.error() == null) {
                deliveries.succeeded(delivery.id(), delivery.attempt(), outcome.status());
                deliveries.endpointAnswered(delivery.webhookId());
                count("succeeded");
                return null;
            }
            Instant next = now.plus(backoff(delivery.attempt()));
            boolean givenUp = next.isAfter(delivery.retryUntil());
            deliveries.attemptFailed(delivery.id(), delivery.attempt(), outcome.status(), outcome.error(), givenUp ? null : next);
            count(givenUp ? "given-up" : "failed");
            if (deliveries.endpointFailed(delivery.webhookId(), now, now.minus(config.disableAfter()),
                    "Every delivery failed for " + config.disableAfter().toHours() + " h or more (last: " + outcome.error()
                            + "); enable it again once it answers")) {
                LOG.infof("Webhook %s disabled: every delivery failed for %s", delivery.webhookId(), config.disableAfter());
                count("endpoint-disabled");
            }
            return null;
        }));
    }

    private static void closeQuietly(java.io.InputStream body) {
        try {
            body.close();
        } catch (java.io.IOException ignored) {
            // The status is all the answer needed.
        }
    }

    /** In words a user can act on; never the URL, which may hold a secret. */
    private static String describe(Throwable failure) {
        if (failure instanceof java.net.http.HttpTimeoutException || failure instanceof java.util.concurrent.TimeoutException) {
            return "Timed out: no answer within the deadline (rapport.webhooks.timeout)";
        }
        if (failure instanceof java.net.ConnectException) {
            return "Could not connect (refused or unreachable)";
        }
        return failure.getClass().getSimpleName() + Optional.ofNullable(failure.getMessage()).map(m -> ": " + m).orElse("");
    }

    /** The wait after the {@code attempt}th attempt failed: first-retry, then twice as long each time, capped. */
    Duration backoff(int attempt) {
        Duration wait = config.firstRetry().multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 30));
        return wait.compareTo(config.maxRetryInterval()) > 0 ? config.maxRetryInterval() : wait;
    }

    private void count(String outcome) {
        metrics.counter("rapport.webhooks.deliveries", "outcome", outcome).increment();
    }

    /** @param status the HTTP status, if the receiver answered; @param error null on success */
    private record Outcome(Integer status, String error) {
        static Outcome failed(Integer status, String error) {
            return new Outcome(status, error);
        }
    }
}
