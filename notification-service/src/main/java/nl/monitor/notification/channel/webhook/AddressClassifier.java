package nl.monitor.notification.channel.webhook;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which addresses a webhook must never be sent to: everything that is not a public unicast address on the internet
 * (loopback, private, link-local with the cloud metadata address 169.254.169.254, unique-local, multicast,
 * unspecified, shared CGNAT space, reserved), also when an IPv6 address carries such an IPv4 address inside
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4).
 */
public final class AddressClassifier {

    private AddressClassifier() {
    }

    /** Why the address is forbidden (its kind, e.g. {@code loopback}); empty for a public address. */
    public static Optional<String> forbiddenKind(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? ipv4(bytes) : ipv6(bytes);
    }

    private static Optional<String> ipv4(byte[] a) {
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        if (first == 0) {
            return Optional.of("unspecified");
        } else if (first == 127) {
            return Optional.of("loopback");
        } else if (first == 10 || first == 172 && (second & 0xf0) == 16 || first == 192 && second == 168) {
            return Optional.of("private");
        } else if (first == 100 && (second & 0xc0) == 64) {
            return Optional.of("shared (CGNAT)");
        } else if (first == 169 && second == 254) {
            return Optional.of("link-local");
        } else if (first >= 224 && first <= 239) {
            return Optional.of("multicast");
        } else if (first >= 240) {
            return Optional.of("reserved");
        } else if (first == 192 && second == 0 && (a[2] & 0xff) == 0 || first == 198 && (second & 0xfe) == 18) {
            return Optional.of("reserved");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv6(byte[] a) {
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        if (zero(a, 0, 15)) {
            return Optional.of((a[15] & 0xff) == 0 ? "unspecified" : (a[15] & 0xff) == 1 ? "loopback"
                    : "reserved");
        } else if (zero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return embedded(a, 12, "IPv4-mapped"); // ::ffff:a.b.c.d
        } else if (zero(a, 0, 12)) {
            return embedded(a, 12, "IPv4-compatible"); // ::a.b.c.d
        } else if (first == 0x00 && second == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
                && zero(a, 4, 12)) {
            return embedded(a, 12, "NAT64"); // 64:ff9b::a.b.c.d
        } else if (first == 0x20 && second == 0x02) {
            return embedded(a, 2, "6to4"); // 2002:aabb:ccdd::
        } else if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Optional.of("link-local");
        } else if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return Optional.of("private"); // site-local, deprecated
        } else if ((first & 0xfe) == 0xfc) {
            return Optional.of("unique-local");
        } else if (first == 0xff) {
            return Optional.of("multicast");
        } else if (first == 0x01 && second == 0x00 && zero(a, 2, 8)) {
            return Optional.of("reserved"); // 100::/64, discard-only
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(byte[] a, int from, String how) {
        return ipv4(Arrays.copyOfRange(a, from, from + 4)).map(kind -> kind + " (" + how + ")");
    }

    private static boolean zero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
