package dev.rapport.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/** A closed-loop HTTP load generator: {@code clients} connections, each with one request in flight, one token. */
final class Load {

    record Result(double throughput, Percentiles latency, int errors) {
    }

    /** A request to make, the status that counts as success, and what to do with the answer. */
    record Call(HttpRequest request, int expected, Consumer<String> onBody) {
        Call(HttpRequest request, int expected) {
            this(request, expected, body -> { });
        }

        static Call get(String url) {
            return new Call(HttpRequest.newBuilder(URI.create(url)).GET().build(), 200);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token;
    private final int clients;

    Load(String token, int clients) {
        this.token = token;
        this.clients = clients;
    }

    /** {@code clients} threads, each sending its next request as soon as the last one answered. */
    Result closedLoop(int seconds, IntFunction<Call> calls) throws InterruptedException {
        Percentiles latency = new Percentiles();
        AtomicLong done = new AtomicLong();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger sequence = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    Call call = calls.apply(sequence.getAndIncrement());
                    HttpRequest request = HttpRequest.newBuilder(call.request(), (n, v) -> true)
                            .header("Authorization", "Bearer " + token).build();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        latency.add((System.nanoTime() - sent) / 1e6);
                        done.incrementAndGet();
                        if (response.statusCode() != call.expected()) {
                            errors.incrementAndGet();
                        }
                        call.onBody().accept(response.body());
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return new Result(done.get() / ((System.nanoTime() - started) / 1e9), latency, errors.get());
    }
}
