package dev.hookyard.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CIDR blocks and single addresses, IPv4 and IPv6, parsed without DNS. */
class CidrTest {

    private static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow(() -> new AssertionError("not parsed: " + text));
    }

    private static InetAddress ip(String text) {
        return Cidr.address(text).orElseThrow(() -> new AssertionError("not an address: " + text));
    }

    @Test
    void ipv4BlocksContainTheirAddressesOnly() {
        Cidr ten = cidr("10.0.0.0/8");
        assertTrue(ten.contains(ip("10.0.0.0")));
        assertTrue(ten.contains(ip("10.255.255.255")));
        assertFalse(ten.contains(ip("11.0.0.0")));
        assertFalse(ten.contains(ip("9.255.255.255")));

        Cidr odd = cidr("192.168.1.128/25");
        assertTrue(odd.contains(ip("192.168.1.200")));
        assertFalse(odd.contains(ip("192.168.1.127")));

        assertTrue(cidr("0.0.0.0/0").contains(ip("203.0.113.9")));
        assertFalse(cidr("0.0.0.0/0").contains(ip("2001:db8::1")), "an IPv4 block holds no IPv6 address");
    }

    @Test
    void aPlainAddressIsABlockOfOne() {
        Cidr one = cidr("203.0.113.7");
        assertEquals(32, one.prefixLength());
        assertTrue(one.contains(ip("203.0.113.7")));
        assertFalse(one.contains(ip("203.0.113.8")));
        Cidr v6 = cidr("2001:db8::1");
        assertEquals(128, v6.prefixLength());
        assertTrue(v6.contains(ip("2001:0db8:0:0:0:0:0:1")));
        assertFalse(v6.contains(ip("2001:db8::2")));
    }

    @Test
    void ipv6BlocksContainTheirAddressesOnly() {
        Cidr doc = cidr("2001:db8::/32");
        assertTrue(doc.contains(ip("2001:db8::1")));
        assertTrue(doc.contains(ip("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")));
        assertFalse(doc.contains(ip("2001:db9::1")));
        assertFalse(doc.contains(ip("10.0.0.1")));

        Cidr nibble = cidr("fd00:1234:5678:9a80::/57");
        assertTrue(nibble.contains(ip("fd00:1234:5678:9aff::1")));
        assertFalse(nibble.contains(ip("fd00:1234:5678:9a7f::1")));
        assertTrue(cidr("::/0").contains(ip("::1")));
    }

    @Test
    void ipv4MappedIpv6AddressesCountAsTheirIpv4Address() {
        assertTrue(cidr("10.0.0.0/8").contains(ip("::ffff:10.1.2.3")));
        assertTrue(cidr("::ffff:10.0.0.0/104").contains(ip("10.1.2.3")));
    }

    @Test
    void theHostPartIsIgnoredAndTheTextNormalized() {
        assertEquals("10.0.0.0/8", cidr("10.1.2.3/8").toString());
        assertEquals(cidr("10.0.0.0/8"), cidr("10.200.0.1/8"));
        assertEquals("2001:db8:0:0:0:0:0:0/32", cidr("2001:db8:abcd::/32").toString());
    }

    @Test
    void anythingButAnAddressLiteralWithAValidPrefixIsRefused() {
        for (String bad : List.of("", "localhost", "example.com", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0/8",
                "256.0.0.1", "1.2.3.4.5", "10.0.0.0/", "10.0.0.0/8/8", "2001:db8::/129", "2001:db8:::1", "::g",
                "10.0.0.0/ 8", "1.2.3.4 5", "fe80::1%eth0")) {
            assertTrue(Cidr.parse(bad).isEmpty(), bad);
        }
        assertTrue(Cidr.address("[2001:db8::1]").isPresent());
        assertTrue(Cidr.address("01.2.3.4").isPresent() || Cidr.address("01.2.3.4").isEmpty()); // either, never DNS
    }
}
