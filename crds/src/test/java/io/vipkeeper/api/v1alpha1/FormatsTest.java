package io.vipkeeper.api.v1alpha1;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** The CIDR patterns agree with the JDK's own address parser on what an address is. */
class FormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.1/32", "0.0.0.0/0", "10.199.0.0/16", "255.255.255.255/32"})
    void ipv4Cidrs(String cidr) throws Exception {
        assertThat(cidr).matches(Formats.IPV4_CIDR).matches(Formats.CIDR).doesNotMatch(Formats.IPV6_CIDR);
        assertThat(InetAddress.ofLiteral(cidr.substring(0, cidr.indexOf('/'))).getAddress()).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fd00:199::10/128", "::/0", "::1/128", "fe80::1/64", "2001:db8:0:0:0:0:0:1/128",
            "2001:db8::/32", "1:2:3:4:5:6:7::/128", "::2:3:4:5:6:7:8/128"})
    void ipv6Cidrs(String cidr) throws Exception {
        assertThat(cidr).matches(Formats.IPV6_CIDR).matches(Formats.CIDR).doesNotMatch(Formats.IPV4_CIDR);
        assertThat(InetAddress.ofLiteral(cidr.substring(0, cidr.indexOf('/'))).getAddress()).hasSize(16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.1", "192.168.1.256/32", "192.168.1.1/33", "192.168.01.1/32", "1.2.3/8",
            "fd00::1", "fd00::1/129", "fd00:::1/128", "1:2:3:4:5:6:7:8:9/128", "g::1/128", "1::2::3/128", "", "/32"})
    void notCidrs(String text) {
        assertThat(text).doesNotMatch(Formats.CIDR);
    }
}
