package dev.hookyard.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hookyard.server.net.Cidr;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client address: the TCP peer, or the right-most untrusted X-Forwarded-For entry behind trusted proxies. */
class SourceAddressTest {

    private static InetAddress ip(String text) {
        return Cidr.address(text).orElseThrow();
    }

    private static SourceAddress trusting(String... proxies) {
        return new SourceAddress(List.of(proxies).stream().map(p -> Cidr.parse(p).orElseThrow()).toList());
    }

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        assertEquals(ip("198.51.100.1"), trusting().resolve(ip("198.51.100.1"), List.of("10.0.0.1")));
    }

    @Test
    void anUntrustedPeersHeaderIsIgnored() {
        SourceAddress source = trusting("10.0.0.0/8");
        assertEquals(ip("198.51.100.1"), source.resolve(ip("198.51.100.1"), List.of("10.0.0.1, 203.0.113.5")));
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedEntryIsTheClient() {
        SourceAddress source = trusting("10.0.0.0/8", "2001:db8:1::/48");
        // The client forged the left-most entry; the proxies appended the rest.
        assertEquals(ip("203.0.113.5"), source.resolve(ip("10.0.0.2"), List.of("1.2.3.4, 203.0.113.5, 10.0.0.9")));
        assertEquals(ip("203.0.113.5"), source.resolve(ip("10.0.0.2"), List.of("1.2.3.4", "203.0.113.5", "10.0.0.9")));
        assertEquals(ip("2001:db8:2::7"), source.resolve(ip("2001:db8:1::1"), List.of("2001:db8:2::7")));
        assertEquals(ip("203.0.113.5"), source.resolve(ip("10.0.0.2"), List.of("203.0.113.5:4711")));
        assertEquals(ip("2001:db8:2::7"), source.resolve(ip("10.0.0.2"), List.of("[2001:db8:2::7]:443")));
    }

    @Test
    void whenEveryEntryIsTrustedTheLeftMostIsTheClientAndWithoutHeaderThePeer() {
        SourceAddress source = trusting("10.0.0.0/8");
        assertEquals(ip("10.0.0.7"), source.resolve(ip("10.0.0.2"), List.of("10.0.0.7, 10.0.0.8")));
        assertEquals(ip("10.0.0.2"), source.resolve(ip("10.0.0.2"), List.of()));
    }

    @Test
    void anEntryThatIsNotAnAddressMakesTheClientUnknown() {
        SourceAddress source = trusting("10.0.0.0/8");
        assertNull(source.resolve(ip("10.0.0.2"), List.of("203.0.113.5, unknown")));
        assertNull(source.resolve(ip("10.0.0.2"), List.of("_hidden")));
        // Garbage left of the client is never read.
        assertEquals(ip("203.0.113.5"), source.resolve(ip("10.0.0.2"), List.of("garbage, 203.0.113.5")));
    }

    @Test
    void anIpv4MappedPeerIsTreatedAsIpv4() {
        SourceAddress source = trusting("127.0.0.1");
        assertEquals(ip("203.0.113.5"), source.resolve(ip("::ffff:127.0.0.1"), List.of("203.0.113.5")));
    }
}
