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

    /** Names address books still use for a network that has another one here. */
    private static final Map<String, String> ALIASES = Map.of("twitter", "x", "x.com", "x", "twitter.com", "x");

    private SocialProfiles() {
    }

    /**
     * A profile on a network we know is reduced to its canonical URL and handle. Any other network (Apple alone
     * offers flickr, myspace, sinaweibo, tencentweibo, yelp, ...) is never refused: it becomes {@code other},
     * keeping its URL and handle, with the network's name as the label unless one is given.
     */
    public static SocialProfile normalise(String network, String url, String handle, String label, boolean primary) {
        boolean hasUrl = url != null && !url.isBlank();
        boolean hasHandle = handle != null && !handle.isBlank();
        if (!hasUrl && !hasHandle) {
            throw new InvalidValue("needs a url or a handle");
        }
        String name = network == null || network.isBlank() ? "other" : network.strip().toLowerCase(Locale.ROOT);
        name = ALIASES.getOrDefault(name, name);
        if (!NETWORKS.contains(name)) {
            return other(hasUrl ? url : null, hasHandle ? handle : null, label == null ? name : label, primary);
        }
        return switch (name) {
            case "mastodon" -> mastodon(hasUrl ? url : null, hasHandle ? handle : null, label, primary);
            case "other" -> other(hasUrl ? url : null, hasHandle ? handle : null, label, primary);
            default -> known(name, KNOWN.get(name), hasUrl ? url : null, hasHandle ? handle : null, label, primary);
        };
    }

    /** The network a profile URL belongs to, if it is one we know ({@code twitter.com/ada} → x). */
    public static java.util.Optional<String> networkOf(String url) {
        String host;
        try {
            host = WebAddresses.parse(url).getHost().toLowerCase(Locale.ROOT);
        } catch (InvalidValue e) {
            return java.util.Optional.empty();
        }
        return KNOWN.entrySet().stream()
                .filter(n -> n.getValue().hosts().stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h)))
                .map(Map.Entry::getKey).findFirst();
    }

    /** A profile elsewhere: its URL when it has one (normalised), else only its handle. */
    private static SocialProfile other(String url, String handle, String label, boolean primary) {
        String user = handle == null ? null : handle.strip();
        return new SocialProfile("other", url == null ? null : WebAddresses.normalise(url), user, label, primary);
    }

    private static SocialProfile known(String name, Network network, String url, String handle, String label, boolean primary) {
        String found;
        try {
            found = url != null ? handleIn(name, network, url) : handle.strip();
        } catch (InvalidValue e) {
            // Apple writes the user beside the URL (x-user=): it still names the profile when the URL does not.
            if (handle == null) {
                throw e;
            }
            found = handle.strip();
        }
        Matcher m = HANDLE.matcher(found);
        if (!m.matches()) {
            throw new InvalidValue("has no valid " + name + " handle");
        }
        String canonical = m.group(1).toLowerCase(Locale.ROOT);
        return new SocialProfile(name, network.base() + canonical, canonical, label, primary);
    }

    private static String handleIn(String name, Network network, String url) {
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
        return path.substring(network.pathPrefix().length()).split("/")[0];
    }

    private static SocialProfile mastodon(String url, String handle, String label, boolean primary) {
        Matcher m = handle == null ? null : MASTODON_HANDLE.matcher(handle.strip());
        if (m != null && (m.matches() || url == null)) {
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
