package io.vipkeeper.operator.core;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Address literals: strict parsing (no name lookups), RFC 5952 text, block arithmetic. */
class AddressesTest {

    @ParameterizedTest
    @CsvSource({
            "fd00:0199:0000:0000:0000:0000:0000:0010, fd00:199::10",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "0:0:0:0:0:0:0:0, ::",
            "0:0:0:0:0:0:0:1, ::1",
            "fd00:0:0:0:0:0:0:0, fd00::",
            "FD00::AB, fd00::ab",
            "10.199.0.1, 10.199.0.1",
    })
    void canonicalText(String written, String canonical) {
        assertThat(IpAddress.parse(written)).hasValueSatisfying(ip -> assertThat(ip.toString()).isEqualTo(canonical));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "10.199.0", "10.199.0.256", "010.1.1.1", "1.2.3.4.5", "1..2.3",
            "::ffff:1.2.3.4", "fe80::1%eth0", "[::1]", "fd00:::1", "1:2:3:4:5:6:7:8:9", "10.199.0.1 "})
    void refusesWhatIsNotALiteral(String text) {
        assertThat(IpAddress.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.199.0.1", "10.199.0.1/33", "10.199.0.1/", "10.199.0.1/08", "fd00::/129", "fd00::/a",
            "/24"})
    void refusesWhatIsNotACidr(String text) {
        assertThat(Cidr.parse(text)).isEmpty();
    }

    @Test
    void blocks() {
        Cidr block = Cidr.parse("10.199.0.77/28").orElseThrow();
        assertThat(block.first()).hasToString("10.199.0.64");
        assertThat(block.last()).hasToString("10.199.0.79");
        assertThat(block.size()).isEqualTo(BigInteger.valueOf(16));
        assertThat(block.contains(IpAddress.parse("10.199.0.64").orElseThrow())).isTrue();
        assertThat(block.contains(IpAddress.parse("10.199.0.80").orElseThrow())).isFalse();
        assertThat(block.overlaps(Cidr.parse("10.199.0.79/32").orElseThrow())).isTrue();
        assertThat(block.overlaps(Cidr.parse("10.199.0.80/28").orElseThrow())).isFalse();
        assertThat(block.overlaps(Cidr.parse("::/0").orElseThrow())).isFalse();
        assertThat(Cidr.parse("fd00:199::/64").orElseThrow().size()).isEqualTo(BigInteger.TWO.pow(64));
        // two spellings of one address are one address
        assertThat(IpAddress.parse("fd00::10")).isEqualTo(IpAddress.parse("fd00:0:0::10"));
    }

    @Property
    void ipv4TextRoundTrips(@ForAll @IntRange(min = 0, max = 255) int a, @ForAll @IntRange(min = 0, max = 255) int b,
                            @ForAll @IntRange(min = 0, max = 255) int c, @ForAll @IntRange(min = 0, max = 255) int d) {
        String text = a + "." + b + "." + c + "." + d;
        assertThat(IpAddress.parse(text).orElseThrow().toString()).isEqualTo(text);
    }

    @Property
    void ipv6CanonicalTextRoundTrips(@ForAll byte[] bytes) {
        byte[] sixteen = new byte[16];
        System.arraycopy(bytes, 0, sixteen, 0, Math.min(16, bytes.length));
        IpAddress ip = new IpAddress(true, new BigInteger(1, sixteen));
        String text = ip.toString();
        assertThat(IpAddress.parse(text)).contains(ip);
        assertThat(text).doesNotContain(":::").doesNotMatch(".*(^|:)0[0-9a-f].*");
    }
}
