package dev.rapport.contacts.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** http(s) URLs, normalised: scheme and host lower-cased, default port, fragment and trailing slash dropped. */
public final class WebAddresses {
    private WebAddresses() {
    }

    public static URI parse(String raw) {
        String text = raw.strip();
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidValue("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidValue("must be an http or https URL");
        }
        String host = uri.getHost();
        if (host == null || !host.contains(".") || host.startsWith(".") || host.endsWith(".")) {
            throw new InvalidValue("has no valid host name");
        }
        return uri;
    }

    public static String normalise(String raw) {
        URI uri = parse(raw);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
