package nl.monitor.notification.channel.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The exceptions to the address rules ({@code notification.webhook.allowed-hosts}): IP addresses, CIDR ranges and
 * host names a webhook may go to although they are internal.
 */
final class AllowedHosts {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

    private record Range(byte[] network, int prefix) {

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<String> names = new ArrayList<>();
    private final List<Range> ranges = new ArrayList<>();

    /**
     * @throws IllegalArgumentException for an entry that is neither a host name nor an IP address or CIDR range
     */
    AllowedHosts(List<String> entries) {
        for (String raw : entries) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split("/", 2);
            if (parts.length == 1 && !IP_LITERAL.matcher(entry).matches()) {
                names.add(entry);
                continue;
            }
            try {
                // a literal: no name lookup happens
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("Prefix out of range in allowed host " + raw);
                }
                ranges.add(new Range(network, prefix));
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("Not an IP address, CIDR range or host name: " + raw, e);
            }
        }
    }

    /** Whether the URL's host is allowed by its name (then every address it resolves to is). */
    boolean allowsName(String host) {
        return names.contains(host.toLowerCase(Locale.ROOT));
    }

    boolean allows(InetAddress address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }
}
