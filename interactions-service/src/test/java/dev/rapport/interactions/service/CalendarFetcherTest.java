package dev.rapport.interactions.service;

import dev.rapport.kit.http.AddressPolicy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.rapport.interactions.service.CalendarFetchException.Kind;

class CalendarFetcherTest {

    private static final byte[] ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
            .getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    /** The slow feed answers only once the test is over: no fetch can outwait it. */
    private final java.util.concurrent.CountDownLatch slowFeedReleased = new java.util.concurrent.CountDownLatch(1);
    private final List<String> seenIfNoneMatch = new CopyOnWriteArrayList<>();
    private final List<String> seenUserAgents = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed/secret-token.ics", exchange -> {
            seenUserAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            var ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            seenIfNoneMatch.add(String.valueOf(ifNoneMatch));
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.getResponseHeaders().add("Last-Modified", "Tue, 24 Nov 2026 10:00:00 GMT");
            if ("\"v1\"".equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                respond(exchange, ICS);
            }
            exchange.close();
        });
        server.createContext("/big.ics", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse early
            try (var out = exchange.getResponseBody()) {
                var chunk = new byte[8192];
                for (int i = 0; i < 64; i++) {
                    out.write(chunk);
                }
            } catch (IOException expected) {
                // the fetcher hangs up once past its limit
            }
        });
        server.createContext("/slow.ics", exchange -> {
            try {
                if (slowFeedReleased.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    respond(exchange, ICS);
                }
            } catch (InterruptedException | IOException e) {
                // the fetcher gave up first
            }
            exchange.close();
        });
        server.createContext("/hop", exchange -> {
            int n = Integer.parseInt(exchange.getRequestURI().getQuery());
            var next = n == 0 ? "/feed/secret-token.ics" : "/hop?" + (n - 1);
            exchange.getResponseHeaders().add("Location", next);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/to-file", exchange -> {
            exchange.getResponseHeaders().add("Location", "file:///etc/passwd");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        server.createContext("/gone.ics", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        slowFeedReleased.countDown();
        server.stop(0);
    }

    private static void respond(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/calendar");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private URI local(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static CalendarFetcher fetcher(boolean allowPrivate) {
        return new CalendarFetcher(new CalendarFetcher.Settings(allowPrivate, Duration.ofSeconds(1), 100_000));
    }

    @Test
    void fetchesWithValidatorsThenGetsNotModified() throws Exception {
        var fetcher = fetcher(true);

        var first = assertInstanceOf(CalendarFetcher.Fetched.class, fetcher.fetch(local("/feed/secret-token.ics"), null, null));
        assertArrayEquals(ICS, first.body());
        assertEquals("\"v1\"", first.etag());
        assertEquals("Tue, 24 Nov 2026 10:00:00 GMT", first.lastModified());

        var second = fetcher.fetch(local("/feed/secret-token.ics"), first.etag(), first.lastModified());
        assertInstanceOf(CalendarFetcher.NotModified.class, second);
        assertEquals(List.of("null", "\"v1\""), seenIfNoneMatch);
        assertEquals(List.of("Rapport-Calendar/1", "Rapport-Calendar/1"), seenUserAgents);
    }

    @Test
    void followsUpToFiveRedirects() throws Exception {
        var fetched = assertInstanceOf(CalendarFetcher.Fetched.class, fetcher(true).fetch(local("/hop?4"), null, null));
        assertArrayEquals(ICS, fetched.body());

        var tooMany = assertThrows(CalendarFetchException.class, () -> fetcher(true).fetch(local("/hop?5"), null, null));
        assertEquals(Kind.TOO_MANY_REDIRECTS, tooMany.kind());
    }

    @Test
    void aRedirectToAnotherSchemeIsRefused() {
        var error = assertThrows(CalendarFetchException.class, () -> fetcher(true).fetch(local("/to-file"), null, null));
        assertEquals(Kind.BAD_URL, error.kind());
    }

    @Test
    void aBodyOverTheLimitIsCutOff() {
        var error = assertThrows(CalendarFetchException.class, () -> fetcher(true).fetch(local("/big.ics"), null, null));
        assertEquals(Kind.TOO_LARGE, error.kind());
    }

    @Test
    void aSlowServerTimesOut() {
        long started = System.nanoTime();
        var error = assertThrows(CalendarFetchException.class, () -> fetcher(true).fetch(local("/slow.ics"), null, null));
        assertEquals(Kind.TIMEOUT, error.kind());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(2_500)) < 0);
    }

    @Test
    void anErrorStatusIsReportedWithItsCodeAndWithoutTheSecretPath() {
        var error = assertThrows(CalendarFetchException.class, () -> fetcher(true).fetch(local("/gone.ics"), null, null));
        assertEquals(Kind.HTTP_STATUS, error.kind());
        assertEquals(404, error.status());
        assertFalse(error.getMessage().contains("gone"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9/", "http://localhost/", "http://169.254.169.254/latest/meta-data",
            "http://[::1]/", "http://10.0.0.5/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/",
            "http://192.168.1.10/cal.ics", "http://100.64.0.1/", "webcal://172.16.5.4/secret.ics"})
    void privateAndReservedAddressesAreRefused(String url) {
        var error = assertThrows(CalendarFetchException.class, () -> fetcher(false).fetch(URI.create(url), null, null));
        assertEquals(Kind.REFUSED_ADDRESS, error.kind(), url);
        assertFalse(error.getMessage().contains("secret") || error.getMessage().contains("meta-data"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/cal.ics", "file:///etc/passwd", "http://user:pw@example.com/cal.ics",
            "mailto:someone@example.com", "/relative/cal.ics"})
    void urlsThatAreNotPlainHttpAreRefused(String url) {
        var error = assertThrows(CalendarFetchException.class, () -> fetcher(false).fetch(URI.create(url), null, null));
        assertEquals(Kind.BAD_URL, error.kind(), url);
        assertFalse(error.getMessage().contains("pw"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.1", "0.0.0.0", "0.1.2.3", "10.1.2.3", "172.16.0.1", "172.31.255.255",
            "192.168.0.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "224.0.0.1", "239.255.255.250",
            "255.255.255.255", "240.0.0.1", "::", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
            "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "fec0::1"})
    void notPublic(String literal) throws Exception {
        assertFalse(AddressPolicy.isPublic(InetAddress.getByName(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "100.128.0.1", "100.63.255.255",
            "192.169.0.1", "169.255.0.1", "2001:4860:4860::8888", "2a00:1450:4001::200e", "::ffff:8.8.8.8"})
    void isPublic(String literal) throws Exception {
        assertTrue(AddressPolicy.isPublic(InetAddress.getByName(literal)), literal);
    }

    @Test
    void redactedKeepsSchemeAndHostOnly() {
        assertEquals("https://calendar.google.com/…", CalendarFetcher.redacted(
                URI.create("https://calendar.google.com/calendar/ical/abc%40group/private-0123456789abcdef/basic.ics")));
        assertEquals("(calendar URL)", CalendarFetcher.redacted(URI.create("/relative")));
    }
}
