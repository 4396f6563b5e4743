package dev.rapport.interactions.service;

import dev.rapport.kit.http.AddressPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.rapport.interactions.config.CalendarConfig;
import dev.rapport.interactions.service.CalendarFetchException.Kind;

/**
 * Fetches an ICS subscription URL with a conditional GET, treating the URL as untrusted (SSRF) and secret.
 *
 * <p>SSRF: every hop's host is resolved and refused if any of its addresses is not public ({@link AddressPolicy});
 * redirects are followed here, not by the client, so each target is checked. Remaining limit (DNS rebinding): JDK
 * 17's HttpClient resolves the host again when it connects and offers no hook to pin the checked address, so a
 * hostile DNS server answering public-then-private within that window gets through. Checking immediately before
 * each request keeps the window short; closing it needs a resolver hook (or connecting by IP with SNI), which the
 * JDK client lacks. No proxy is used, so the checked host is the one connected to.
 */
@Singleton
public class CalendarFetcher {

    /**
     * @param timeout      connect timeout and deadline for the whole fetch, redirects and body included
     * @param allowedHosts host names (lower-case) exempt from the address check: an internal calendar server, or
     *                     {@code localhost} in tests. Matched on the name in the URL, never on an address.
     */
    public record Settings(boolean allowPrivateAddresses, Duration timeout, long maxBytes, Set<String> allowedHosts) {

        public Settings {
            Objects.requireNonNull(timeout, "timeout");
            if (maxBytes <= 0) {
                throw new IllegalArgumentException("maxBytes must be positive");
            }
            allowedHosts = allowedHosts == null ? Set.of() : allowedHosts.stream()
                    .map(host -> host.strip().toLowerCase(Locale.ROOT)).filter(host -> !host.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        }

        public Settings(boolean allowPrivateAddresses, Duration timeout, long maxBytes) {
            this(allowPrivateAddresses, timeout, maxBytes, Set.of());
        }

        static Settings from(CalendarConfig config) {
            var fetch = config.fetch();
            return new Settings(fetch.allowPrivateAddresses(), fetch.timeout(), fetch.maxBytes(),
                    Set.copyOf(fetch.allowedHosts().orElse(List.of())));
        }
    }

    public sealed interface Result permits Fetched, NotModified {
    }

    /** @param etag, lastModified the validators to send next time; null when the server sent none */
    public record Fetched(byte[] body, String etag, String lastModified) implements Result {
    }

    public record NotModified() implements Result {
    }

    static final int MAX_REDIRECTS = 5;

    private final Settings settings;
    private final HttpClient client;
    // Body reads block; they run here so the caller can give up at the deadline whatever the server does.
    private final ExecutorService readers = Executors.newCachedThreadPool(runnable -> {
        var thread = new Thread(runnable, "calendar-fetch-body");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    CalendarFetcher(CalendarConfig config) {
        this(Settings.from(config));
    }

    public CalendarFetcher(Settings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(settings.timeout())
                .build();
    }

    /**
     * @param etag         the ETag of the last fetch, or null
     * @param lastModified the Last-Modified of the last fetch, or null
     */
    public Result fetch(URI url, String etag, String lastModified) throws CalendarFetchException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        var target = checkedUrl(url);
        for (int hop = 0; ; hop++) {
            checkAddresses(target);
            var response = send(request(target, etag, lastModified), deadline);
            int status = response.statusCode();
            if (isRedirect(status)) {
                closeQuietly(response.body());
                if (hop == MAX_REDIRECTS) {
                    throw new CalendarFetchException(Kind.TOO_MANY_REDIRECTS,
                            "More than " + MAX_REDIRECTS + " redirects from " + redacted(url));
                }
                target = redirectTarget(target, response);
                continue;
            }
            if (status == 304) {
                closeQuietly(response.body());
                return new NotModified();
            }
            if (status < 200 || status > 299) {
                closeQuietly(response.body());
                throw new CalendarFetchException(Kind.HTTP_STATUS, status,
                        redacted(target) + " answered HTTP " + status);
            }
            var body = readBody(response, target, deadline);
            return new Fetched(body, response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
    }

    /**
     * Checks a URL as {@link #fetch} would before connecting (scheme, no credentials, the host's addresses) without
     * fetching it: for refusing a subscription URL when it is registered.
     */
    public void check(URI url) throws CalendarFetchException {
        checkAddresses(checkedUrl(url));
    }

    /** Scheme and host only, e.g. {@code https://calendar.google.com/…}: safe to show and to log. */
    public static String redacted(URI url) {
        if (url == null || url.getScheme() == null || url.getHost() == null) {
            return "(calendar URL)";
        }
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost() + "/…";
    }

    private static URI checkedUrl(URI url) throws CalendarFetchException {
        if (url == null || url.getScheme() == null || !url.isAbsolute() || url.isOpaque()) {
            throw new CalendarFetchException(Kind.BAD_URL, "The calendar URL is not an absolute http(s) URL");
        }
        var scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("webcal") || scheme.equals("webcals")) {
            // webcal:// is a hint to open a calendar app; the feed itself is served over HTTP(S), HTTPS preferred.
            scheme = "https";
        } else if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new CalendarFetchException(Kind.BAD_URL, "Only http, https and webcal calendar URLs are supported");
        }
        if (url.getRawUserInfo() != null) {
            throw new CalendarFetchException(Kind.BAD_URL, "Calendar URLs with a user name or password are not supported");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new CalendarFetchException(Kind.BAD_URL, "The calendar URL has no host");
        }
        // Swap the scheme on the raw text: rebuilding from decoded parts would alter an encoded token.
        return URI.create(scheme + url.toString().substring(url.getScheme().length()));
    }

    private void checkAddresses(URI target) throws CalendarFetchException {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(target.getHost());
        } catch (UnknownHostException e) {
            throw new CalendarFetchException(Kind.UNREACHABLE, "Cannot resolve the host of " + redacted(target));
        }
        if (settings.allowPrivateAddresses()
                || settings.allowedHosts().contains(target.getHost().toLowerCase(Locale.ROOT))) {
            return;
        }
        for (var address : addresses) {
            if (!AddressPolicy.isPublic(address)) {
                throw new CalendarFetchException(Kind.REFUSED_ADDRESS,
                        redacted(target) + " points to a private or reserved address");
            }
        }
    }

    private HttpRequest request(URI target, String etag, String lastModified) {
        var request = HttpRequest.newBuilder(target).GET()
                .header("User-Agent", "Rapport-Calendar/1")
                .header("Accept", "text/calendar");
        if (etag != null && !etag.isBlank()) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null && !lastModified.isBlank()) {
            request.header("If-Modified-Since", lastModified);
        }
        return request.build();
    }

    private HttpResponse<InputStream> send(HttpRequest request, long deadline) throws CalendarFetchException {
        var pending = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        try {
            return pending.get(remaining(deadline, request.uri()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timeout(request.uri());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw timeout(request.uri());
            }
            throw new CalendarFetchException(Kind.UNREACHABLE, "Cannot connect to " + redacted(request.uri()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            throw new CalendarFetchException(Kind.UNREACHABLE, "Interrupted while fetching " + redacted(request.uri()));
        }
    }

    private byte[] readBody(HttpResponse<InputStream> response, URI target, long deadline)
            throws CalendarFetchException {
        var body = response.body();
        var declared = response.headers().firstValueAsLong("Content-Length");
        if (declared.isPresent() && declared.getAsLong() > settings.maxBytes()) {
            closeQuietly(body);
            throw tooLarge(target);
        }
        var reading = CompletableFuture.supplyAsync(() -> readAtMost(body, settings.maxBytes()), readers);
        try {
            var bytes = reading.get(remaining(deadline, target), TimeUnit.NANOSECONDS);
            if (bytes == null) {
                throw tooLarge(target);
            }
            return bytes;
        } catch (TimeoutException e) {
            throw timeout(target);
        } catch (ExecutionException e) {
            throw new CalendarFetchException(Kind.UNREACHABLE, "The connection to " + redacted(target) + " broke");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalendarFetchException(Kind.UNREACHABLE, "Interrupted while fetching " + redacted(target));
        } finally {
            // Also unblocks a reader still waiting on a slow server.
            closeQuietly(body);
        }
    }

    /** The body, or null as soon as it is longer than {@code max}: the rest is never read. */
    private static byte[] readAtMost(InputStream body, long max) {
        var out = new ByteArrayOutputStream();
        var buffer = new byte[16 * 1024];
        long total = 0;
        try {
            for (int n; (n = body.read(buffer)) != -1; ) {
                total += n;
                if (total > max) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI redirectTarget(URI from, HttpResponse<?> response) throws CalendarFetchException {
        var location = response.headers().firstValue("Location")
                .orElseThrow(() -> new CalendarFetchException(Kind.HTTP_STATUS, response.statusCode(),
                        redacted(from) + " redirected without a Location"));
        try {
            return checkedUrl(from.resolve(location.strip()));
        } catch (IllegalArgumentException e) {
            throw new CalendarFetchException(Kind.BAD_URL, redacted(from) + " redirected to a malformed URL");
        }
    }

    private static long remaining(long deadline, URI target) throws CalendarFetchException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw timeout(target);
        }
        return left;
    }

    private static CalendarFetchException timeout(URI target) {
        return new CalendarFetchException(Kind.TIMEOUT, redacted(target) + " did not answer in time");
    }

    private CalendarFetchException tooLarge(URI target) {
        return new CalendarFetchException(Kind.TOO_LARGE,
                "The calendar at " + redacted(target) + " is larger than " + settings.maxBytes() + " bytes");
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // nothing was promised to the server
        }
    }
}
