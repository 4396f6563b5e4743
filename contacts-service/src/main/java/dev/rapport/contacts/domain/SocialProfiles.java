package dev.rapport.contacts.domain;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Social profiles normalised to one canonical URL and handle per network, so "twitter.com/Ada/",
 * "https://x.com/ada" and the handle "@ada" are the same profile.
 */
public final class SocialProfiles {

    public static final List<String> NETWORKS = List.of("linkedin", "facebook", "x", "github", "instagram", "mastodon", "other");

    private static final Pattern HANDLE = Pattern.compile("@?([A-Za-z0-9_.\\-]{1,100})");
    private static final Pattern MASTODON_HANDLE = Pattern.compile("@?([A-Za-z0-9_.\\-]+)@([A-Za-z0-9.\\-]+\\.[A-Za-z]{2,})");

    private record Network(String base, List<String> hosts, String pathPrefix) {
    }

    private static final Map<String, Network> KNOWN = Map.of(
            "linkedin", new Network("https://www.linkedin.com/in/", List.of("linkedin.com"), "/in/"),
            "facebook", new Network("https://www.facebook.com/", List.of("facebook.com", "fb.com"), "/"),
            "x", new Network("https://x.com/", List.of("x.com", "twitter.com"), "/"),
            "github", new Network("https://github.com/", List.of("github.com"), "/"),
            "instagram", new Network("https://www.instagram.com/", List.of("instagram.com"), "/"));

    private SocialProfiles() {
    }

    public static SocialProfile normalise(String network, String url, String handle, String label, boolean primary) {
        if (network == null || !NETWORKS.contains(network)) {
            throw new InvalidValue("network must be one of " + String.join(", ", NETWORKS));
        }
        boolean hasUrl = url != null && !url.isBlank();
        boolean hasHandle = handle != null && !handle.isBlank();
        if (!hasUrl && !hasHandle) {
            throw new InvalidValue("needs a url or a handle");
        }
        return switch (network) {
            case "mastodon" -> mastodon(hasUrl ? url : null, hasHandle ? handle : null, label, primary);
            case "other" -> {
                if (!hasUrl) {
                    throw new InvalidValue("needs a url for network other");
                }
                yield new SocialProfile(network, WebAddresses.normalise(url), hasHandle ? handle.strip() : null, label, primary);
            }
            default -> known(network, KNOWN.get(network), hasUrl ? url : null, hasHandle ? handle : null, label, primary);
        };
    }

    private static SocialProfile known(String name, Network network, String url, String handle, String label, boolean primary) {
        String found;
        if (url != null) {
            URI uri = WebAddresses.parse(url);
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            boolean ours = network.hosts().stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
            if (!ours) {
                throw new InvalidValue("url is not a " + name + " address");
            }
            String path = uri.getPath() == null ? "" : uri.getPath();
            if (!path.startsWith(network.pathPrefix())) {
                throw new InvalidValue("url is not a " + name + " profile (expected " + network.base() + "<handle>)");
            }
            String rest = path.substring(network.pathPrefix().length());
            found = rest.split("/")[0];
        } else {
            found = handle.strip();
        }
        Matcher m = HANDLE.matcher(found);
        if (!m.matches()) {
            throw new InvalidValue("has no valid " + name + " handle");
        }
        String canonical = m.group(1).toLowerCase(Locale.ROOT);
        return new SocialProfile(name, network.base() + canonical, canonical, label, primary);
    }

    private static SocialProfile mastodon(String url, String handle, String label, boolean primary) {
        if (handle != null) {
            Matcher m = MASTODON_HANDLE.matcher(handle.strip());
            if (!m.matches()) {
                throw new InvalidValue("mastodon handle must look like @user@instance.social");
            }
            String user = m.group(1).toLowerCase(Locale.ROOT);
            String host = m.group(2).toLowerCase(Locale.ROOT);
            return new SocialProfile("mastodon", "https://" + host + "/@" + user, "@" + user + "@" + host, label, primary);
        }
        URI uri = WebAddresses.parse(url);
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!path.startsWith("/@") || path.length() < 3) {
            throw new InvalidValue("url is not a mastodon profile (expected https://instance/@user)");
        }
        String user = path.substring(2).split("/")[0].toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return new SocialProfile("mastodon", "https://" + host + "/@" + user, "@" + user + "@" + host, label, primary);
    }
}
