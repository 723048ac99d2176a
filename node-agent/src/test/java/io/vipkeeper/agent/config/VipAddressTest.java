package io.vipkeeper.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vipkeeper.agent.vrrp.wire.AddressFamily;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** CIDR literals: parsed without any lookup, printed in canonical form (RFC 5952 for IPv6). */
class VipAddressTest {

    @ParameterizedTest
    @CsvSource({
            "10.0.0.1/24, 10.0.0.1/24",
            "192.168.1.1/32, 192.168.1.1/32",
            "fd00:199:0:0:0:0:0:10/128, fd00:199::10/128",
            "FD00:0:0:1:0:0:0:1/64, fd00:0:0:1::1/64",
            "2001:db8:0:0:1:0:0:1/64, 2001:db8::1:0:0:1/64",
            "2001:db8:0:1:1:1:1:1/64, 2001:db8:0:1:1:1:1:1/64",
            "::/0, ::/0",
            "fe80::1/64, fe80::1/64"})
    void printsCanonicalText(String written, String canonical) {
        VipAddress vip = VipAddress.parse(written);
        assertThat(vip).hasToString(canonical);
        assertThat(VipAddress.parse(vip.toString())).isEqualTo(vip);
    }

    @Test
    void knowsItsFamily() {
        assertThat(VipAddress.parse("10.0.0.1/8").family()).isEqualTo(AddressFamily.IPV4);
        assertThat(VipAddress.parse("fd00::1/64").family()).isEqualTo(AddressFamily.IPV6);
        assertThat(VipAddress.parse("fd00::1/64").prefixLength()).isEqualTo(64);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10.0.0.1|has no prefix length",
            "10.0.0.1/|prefix length ''",
            "10.0.0.1/024|prefix length '024'",
            "10.0.0.1/33|it must be 0..32",
            "fd00::1/129|it must be 0..128",
            "10.1/8|is not an IPv4 address",
            "010.0.0.1/8|is not an IPv4 address",
            "example.com/32|is not an IPv4 address",
            "::ffff:10.0.0.1/128|IPv4-mapped",
            "fe80::1%eth0/64|has a zone id",
            "fd00::g/64|is not an IPv6 address"})
    void refusesWhatIsNotACidrLiteral(String written, String reason) {
        assertThat(AddressLiterals.parseCidr(written)).isInstanceOfSatisfying(AddressLiterals.Parsed.Invalid.class,
                invalid -> assertThat(invalid.reason()).contains(reason));
        assertThatThrownBy(() -> VipAddress.parse(written)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRecordRefusesAPrefixLongerThanTheAddress() {
        assertThatThrownBy(() -> new VipAddress(InetAddress.ofLiteral("10.0.0.1"), 33))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
