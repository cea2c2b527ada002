package nl.monitor.notification.channel.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Looks up the addresses of a webhook URL's host. A seam: the tests put a resolver here whose answers they change
 * (a name that resolves to another address after the subscription was accepted).
 */
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
