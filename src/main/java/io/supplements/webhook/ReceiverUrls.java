package io.supplements.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where webhooks may be sent. Unless private addresses are allowed (dev, test), a URL whose host
 * resolves to loopback, private, link-local, unique-local or multicast addresses is refused: the
 * server must not become a way into its own network (OWASP API7, server-side request forgery).
 */
final class ReceiverUrls {
    private ReceiverUrls() {}

    /** Why the URL cannot receive webhooks, or empty when it can. */
    static Optional<String> problem(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a valid URL");
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            return Optional.of("must be an absolute http(s) URL with a host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("has a host name that does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress a : addresses) {
                if (a.isLoopbackAddress()
                        || a.isAnyLocalAddress()
                        || a.isLinkLocalAddress()
                        || a.isSiteLocalAddress()
                        || a.isMulticastAddress()
                        || (a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc)) {
                    return Optional.of("resolves to a private or loopback address, which webhooks may not call");
                }
            }
        }
        return Optional.empty();
    }
}
