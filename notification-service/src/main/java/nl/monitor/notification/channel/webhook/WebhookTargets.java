package nl.monitor.notification.channel.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.notification.config.WebhookConfig;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Where a webhook may go (no server-side request forgery): the URL must be https (unless
 * {@code notification.webhook.require-https} is off), and every address its host resolves to must be a public one
 * ({@link AddressClassifier}) or allowed by {@code notification.webhook.allowed-hosts}. Checked when a subscription is
 * created and again before every call; the call then connects to the address that was checked, so a name that
 * resolves elsewhere between the check and the connection (DNS rebinding) cannot redirect it.
 */
@ApplicationScoped
public class WebhookTargets {

    /** A URL that passed the check, with the address to connect to. */
    public record Checked(URI uri, InetAddress address) {
    }

    /** Why a URL may not be called: a code for the API and a generic text for the delivery log. */
    public static final class Refused extends Exception {

        private final String code;
        private final String logText;

        Refused(String code, String message, String logText) {
            super(message, null, false, false);
            this.code = code;
            this.logText = logText;
        }

        /** The problem code at creation: {@code https-required}, {@code unresolvable-host} or {@code forbidden-address}. */
        public String code() {
            return code;
        }

        /** What the subscriber's delivery log says: no detail of the network inside. */
        public String logText() {
            return logText;
        }
    }

    private final HostResolver resolver;
    private final AllowedHosts allowed;
    private final boolean requireHttps;

    public WebhookTargets(HostResolver resolver, WebhookConfig config) {
        this.resolver = resolver;
        this.allowed = new AllowedHosts(config.allowedHosts().orElse(List.of()));
        this.requireHttps = config.requireHttps();
    }

    /**
     * Resolves the URL's host and checks every address. Blocks for the name lookup.
     *
     * @param uri an absolute http(s) URL with a host
     * @throws Refused when the URL may not be called
     */
    public Checked check(URI uri) throws Refused {
        if (requireHttps && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new Refused("https-required", "the webhook URL must be https", "https required");
        }
        String host = uri.getHost();
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            addresses = List.of();
        }
        if (addresses.isEmpty()) {
            throw new Refused("unresolvable-host", "the webhook URL's host " + host + " cannot be resolved",
                    "host not found");
        }
        boolean nameAllowed = allowed.allowsName(host);
        for (InetAddress address : addresses) {
            Optional<String> forbidden = AddressClassifier.forbiddenKind(address);
            if (forbidden.isPresent() && !nameAllowed && !allowed.allows(address)) {
                throw new Refused("forbidden-address", "the webhook URL's host " + host + " resolves to a "
                        + forbidden.get() + " address; webhooks go to public addresses only", "address not allowed");
            }
        }
        return new Checked(uri, withoutName(addresses.get(0)));
    }

    /** The address alone, so that nothing further down the line looks the name up again. */
    private static InetAddress withoutName(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // a 4- or 16-byte address is always accepted
        }
    }
}
