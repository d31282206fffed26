package dev.hookyard.server.net;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A block of IP addresses written in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or a single address
 * ({@code 203.0.113.7}, {@code ::1}). Only address literals are accepted: parsing never looks anything up in DNS.
 * An IPv4 block matches IPv4 addresses only and an IPv6 block IPv6 addresses only, except that IPv4-mapped IPv6
 * addresses ({@code ::ffff:a.b.c.d}) are treated as the IPv4 address they carry.
 */
public final class Cidr {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] network;
    private final int prefix;
    private final String text;

    private Cidr(byte[] network, int prefix) {
        this.prefix = prefix;
        this.network = mask(network, prefix);
        this.text = format(this.network, prefix);
    }

    /** The block, or empty if {@code text} is not an address literal with an optional valid prefix length. */
    public static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String addressText = slash < 0 ? trimmed : trimmed.substring(0, slash);
        Optional<InetAddress> address = address(addressText);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = address.get().getAddress();
        int bits = bytes.length * 8;
        // An IPv4-mapped IPv6 block (::ffff:a.b.c.d/n) is parsed as IPv4: its prefix counts 96 bits fewer.
        int mappedBits = bytes.length == 4 && addressText.contains(":") ? 96 : 0;
        int prefix = bits;
        if (slash >= 0) {
            String prefixText = trimmed.substring(slash + 1);
            if (!prefixText.matches("\\d{1,3}")) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(prefixText) - mappedBits;
            if (prefix < 0 || prefix > bits) {
                return Optional.empty();
            }
        }
        return Optional.of(new Cidr(bytes, prefix));
    }

    /**
     * An IP address literal (IPv4 dotted quad or IPv6, optionally in brackets), never resolved through DNS; an
     * IPv4-mapped IPv6 literal becomes the IPv4 address.
     */
    public static Optional<InetAddress> address(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.trim();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (literal.isEmpty() || literal.length() > 45) {
            return Optional.empty();
        }
        var ipv4 = IPV4.matcher(literal);
        if (ipv4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(ipv4.group(i)) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!IPV6.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            // A literal (checked above) is parsed, not looked up.
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the address lies in this block. */
    public boolean contains(InetAddress address) {
        byte[] bytes = normalize(address).getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        return java.util.Arrays.equals(mask(bytes, prefix), network);
    }

    /** The IPv4 address an IPv4-mapped IPv6 address carries; any other address unchanged. */
    public static InetAddress normalize(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            for (int i = 0; i < 10; i++) {
                if (bytes[i] != 0) {
                    return address;
                }
            }
            if (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) {
                try {
                    return Inet4Address.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException("four bytes are always an IPv4 address", e);
                }
            }
        }
        return address;
    }

    public int prefixLength() {
        return prefix;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] &= (byte) (0xff << (8 - keep));
        }
        return masked;
    }

    private static String format(byte[] network, int prefix) {
        try {
            String address = InetAddress.getByAddress(network).getHostAddress();
            return prefix == network.length * 8 ? address : address + "/" + prefix;
        } catch (UnknownHostException e) {
            return new BigInteger(1, network).toString(16) + "/" + prefix;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr c && c.prefix == prefix && java.util.Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(network) * 31 + prefix;
    }

    /** The normalized notation, e.g. {@code 10.0.0.0/8} for {@code 10.1.2.3/8}. */
    @Override
    public String toString() {
        return text;
    }
}
