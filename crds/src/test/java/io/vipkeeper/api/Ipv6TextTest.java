package io.vipkeeper.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 5952 §4 text, including the examples of its section 4. */
class Ipv6TextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",        // 4.2.3: the first of two equal runs
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",      // 4.2.2: one zero group stays
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",               // 4.2.3: the longest run
        "2001:DB8::ABCD, 2001:db8::abcd",                  // 4.3: lower case
        "0:0:0:0:0:0:0:0, ::",
        "0:0:0:0:0:0:0:1, ::1",
        "fe80:0:0:0:0:0:0:0, fe80::",
        "fd00:199:19:0:0:0:0:3, fd00:199:19::3",
    })
    void canonicalText(String input, String expected) throws Exception {
        byte[] bytes = InetAddress.getByName(input).getAddress();
        assertThat(Ipv6Text.format(bytes)).isEqualTo(expected);
    }

    @Test
    void refusesWrongLengths() {
        assertThatThrownBy(() -> Ipv6Text.format(new byte[4])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv6Text.format(new int[7])).isInstanceOf(IllegalArgumentException.class);
    }
}
