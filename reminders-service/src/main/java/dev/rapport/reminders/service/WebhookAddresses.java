package dev.rapport.reminders.service;

import dev.rapport.kit.http.AddressPolicy;
import dev.rapport.reminders.config.WebhooksConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a webhook may point: an http(s) URL whose host resolves to public addresses only (SSRF: a user must not make
 * this service call cloud metadata or the internal network), checked when it is registered and before every attempt
 * (DNS can change). Same limit as the calendar fetcher: the JDK client resolves again when it connects.
 */
@ApplicationScoped
public class WebhookAddresses {

    @Inject
    WebhooksConfig config;

    /** @return why the URL is refused, or empty when it may be called */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password (put a secret in the path or query)");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (config.allowPrivateAddresses() || allowedHosts().contains(host)) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!AddressPolicy.isPublic(address)) {
                    return Optional.of("points to a private, loopback or link-local address, which webhooks do not call");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("has a host name that does not resolve");
        }
        return Optional.empty();
    }

    private Set<String> allowedHosts() {
        return config.allowedHosts().orElse(List.of()).stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }
}
