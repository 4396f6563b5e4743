package dev.rapport.kit.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses a user-supplied URL may make a service connect to: only public unicast ones. A subscription or webhook URL
 * is chosen by the user, so without this check it could read cloud metadata (169.254.169.254), the service's own
 * management endpoints, or anything else on the internal network.
 */
public final class AddressPolicy {

    private AddressPolicy() {
    }

    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        if (address instanceof Inet4Address) {
            return isPublicIpv4(address.getAddress());
        }
        if (address instanceof Inet6Address) {
            var bytes = address.getAddress();
            if ((bytes[0] & 0xFE) == 0xFC) {
                return false; // fc00::/7 unique local
            }
            var embedded = embeddedIpv4(bytes);
            if (embedded != null) {
                return isPublic(embedded);
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicIpv4(byte[] b) {
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        if (first == 0 || first == 10 || first == 127) {
            return false; // 0/8 "this network", private, loopback
        }
        if (first == 100 && (second & 0xC0) == 64) {
            return false; // 100.64/10 carrier-grade NAT, often the provider's internal network
        }
        if (first == 169 && second == 254 || first == 172 && (second & 0xF0) == 16 || first == 192 && second == 168) {
            return false;
        }
        if (first == 192 && second == 0 && (b[2] & 0xFF) == 0 || first == 198 && (second & 0xFE) == 18) {
            return false; // 192.0.0/24 protocol assignments, 198.18/15 benchmarking
        }
        return first < 224; // multicast 224/4, reserved 240/4, broadcast 255.255.255.255
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), -compatible (::a.b.c.d) or NAT64 address. */
    private static InetAddress embeddedIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0;
        boolean nat64 = (b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        if (!mapped && !compatible && !nat64) {
            return null;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always a valid address
        }
    }
}
