package nl.monitor.notification;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.notification.channel.webhook.HostResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tests' name resolution, in place of DNS (which these machines do not have, and which no test should send to):
 * IP literals as they are, names a test set with {@link #answer}, {@code example.org} names as 127.0.0.1 (the tests'
 * allowed address: a call there finds nothing listening), and no other name.
 */
@ApplicationScoped
public class TestHostResolver implements HostResolver {

    private static final Map<String, List<InetAddress>> ANSWERS = new ConcurrentHashMap<>();

    /** From now on the name resolves to these addresses (IP literals). */
    public static void answer(String name, String... addresses) {
        ANSWERS.put(name, Arrays.stream(addresses).map(TestHostResolver::literal).toList());
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        List<InetAddress> answer = ANSWERS.get(host);
        if (answer != null) {
            return answer;
        }
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return List.of(InetAddress.getAllByName(host));
        }
        if (host.equals("example.org") || host.endsWith(".example.org")) {
            return List.of(literal("127.0.0.1"));
        }
        throw new UnknownHostException(host);
    }
}
