package io.vipkeeper.agent.vrrp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class InternetChecksumTest {

    @Test
    void rfc1071NumericalExample() {
        // RFC 1071 §3: the words 0001 f203 f4f5 f6f7 sum to ddf2 (with end-around carry); checksum = ~ddf2
        byte[] data = HexFormat.of().parseHex("0001f203f4f5f6f7");

        assertThat(InternetChecksum.finish(InternetChecksum.sum(0, data, 0, data.length)) ^ 0xffff).isEqualTo(0xddf2);
        assertThat(InternetChecksum.checksum(data, 0, data.length)).isEqualTo(0x220d);
    }

    @Test
    void anOddLastByteIsPaddedWithZero() {
        byte[] odd = {0x12, 0x34, 0x56};
        byte[] padded = {0x12, 0x34, 0x56, 0x00};

        assertThat(InternetChecksum.checksum(odd, 0, 3)).isEqualTo(InternetChecksum.checksum(padded, 0, 4));
    }

    @Test
    void aMessageWithItsChecksumSumsToZero() {
        byte[] data = HexFormat.of().parseHex("45c0003000010000ff700000" + "0ac70001e0000012");
        int c = InternetChecksum.checksum(data, 0, data.length);
        data[10] = (byte) (c >>> 8);
        data[11] = (byte) c;

        assertThat(InternetChecksum.checksum(data, 0, data.length)).isZero();
        // the IPv4 header checksum keepalived's kernel wrote for the v2 auth fixture (cfc2) is reproduced
        assertThat(c).isEqualTo(0xcfc2);
    }

    @Test
    void ipv4AndIpv6PseudoHeadersAddAddressesProtocolAndLength() {
        byte[] src = {10, (byte) 199, 0, 1};
        byte[] dst = {(byte) 224, 0, 0, 18};
        long expected = 0x0ac7 + 0x0001 + 0xe000 + 0x0012 + 112 + 20;

        assertThat(InternetChecksum.pseudoHeaderSum(src, dst, 112, 20)).isEqualTo(expected);
    }
}
