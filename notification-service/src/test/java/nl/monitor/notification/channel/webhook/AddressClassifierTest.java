package nl.monitor.notification.channel.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class AddressClassifierTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1|loopback", "127.255.255.254|loopback", "::1|loopback",
            "10.0.0.1|private", "172.16.0.1|private", "172.31.255.255|private", "192.168.1.10|private",
            "169.254.169.254|link-local", "169.254.0.1|link-local", "fe80::1|link-local",
            "fc00::1|unique-local", "fd12:3456::1|unique-local", "fd00:ec2::254|unique-local",
            "224.0.0.1|multicast", "239.255.255.250|multicast", "ff02::1|multicast",
            "0.0.0.0|unspecified", "0.1.2.3|unspecified", "::|unspecified",
            "100.64.0.1|shared (CGNAT)", "100.127.255.254|shared (CGNAT)",
            "255.255.255.255|reserved", "240.0.0.1|reserved", "198.18.0.1|reserved", "192.0.0.170|reserved",
            "fec0::1|private",
            "::ffff:7f00:1|loopback (IPv4-mapped)", "::ffff:a9fe:a9fe|link-local (IPv4-mapped)",
            "::a00:1|private (IPv4-compatible)", "64:ff9b::a9fe:a9fe|link-local (NAT64)",
            "2002:c0a8:0101::1|private (6to4)", "2002:7f00:0001::|loopback (6to4)"})
    void internal_addresses_are_forbidden_with_their_kind(String address, String kind) throws Exception {
        assertThat(AddressClassifier.forbiddenKind(ipv6Kept(address))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255",
            "100.128.0.1", "169.253.0.1", "192.167.0.1", "11.0.0.1", "223.255.255.254", "198.20.0.1",
            "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "2001:4860:4860::8888", "::ffff:808:808", "64:ff9b::808:808",
            "2002:0808:0808::1"})
    void public_addresses_are_allowed(String address) throws Exception {
        assertThat(AddressClassifier.forbiddenKind(ipv6Kept(address))).isEmpty();
    }

    /**
     * The address as given: Java turns an IPv4-mapped literal into an IPv4 address when parsing, so the 16 bytes are
     * built by hand to check the IPv6 form too.
     */
    private static InetAddress ipv6Kept(String literal) throws Exception {
        InetAddress parsed = InetAddress.getByName(literal);
        if (literal.startsWith("::ffff:") && parsed.getAddress().length == 4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
            return java.net.Inet6Address.getByAddress(null, mapped, -1);
        }
        return parsed;
    }
}
