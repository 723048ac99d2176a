package io.vipkeeper.agent.vrrp.wire;

import static io.vipkeeper.agent.vrrp.wire.KeepalivedFixture.addr;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawIpv4PacketTest {
    // the v2 auth PASS advert captured from keepalived, IP header included
    static final byte[] PACKET = HexFormat.of().parseHex(
            "45c0003000010000ff70cfc20ac70001e0000012210bc803010286fd0ac7006f0ac700700ac700717365637265743100");

    @Test
    void splitsHeaderFactsAndPayload() {
        assertThat(RawIpv4Packet.split(PACKET, 0, PACKET.length)).isEqualTo(new RawIpv4Packet.Split(
                IpHeaderFacts.ipv4(addr("10.199.0.1"), addr("224.0.0.18"), 255), 20, 28));
    }

    @Test
    void honoursIpOptionsAndAnOffset() {
        byte[] withOption = new byte[5 + PACKET.length + 4];
        System.arraycopy(PACKET, 0, withOption, 5, 20);
        System.arraycopy(PACKET, 20, withOption, 5 + 24, PACKET.length - 20);
        withOption[5] = 0x46; // IHL 6: one 4-byte option (zeros = end of options)
        withOption[5 + 3] = (byte) (PACKET.length + 4);

        RawIpv4Packet.SplitResult r = RawIpv4Packet.split(withOption, 5, PACKET.length + 4);

        assertThat(r).isInstanceOfSatisfying(RawIpv4Packet.Split.class, s -> {
            assertThat(s.payloadOffset()).isEqualTo(5 + 24);
            assertThat(s.payloadLength()).isEqualTo(28);
        });
    }

    @Test
    void ignoresBytesBeyondTheTotalLength() {
        byte[] longer = Arrays.copyOf(PACKET, PACKET.length + 10);

        assertThat(RawIpv4Packet.split(longer, 0, longer.length))
                .isInstanceOfSatisfying(RawIpv4Packet.Split.class, s -> assertThat(s.payloadLength()).isEqualTo(28));
    }

    @Test
    void rejectsWhatIsNotAnIpv4VrrpPacket() {
        assertMalformed(Arrays.copyOf(PACKET, 19), 19);
        assertMalformed(with(0, 0x65), PACKET.length); // IP version 6
        assertMalformed(with(0, 0x44), PACKET.length); // IHL 4
        assertMalformed(with(0, 0x4f), 48); // IHL 15 = 60 bytes > 48
        assertMalformed(Arrays.copyOf(PACKET, 40), 40); // total length 48 > 40 received
        assertMalformed(with(3, 10), PACKET.length); // total length shorter than the header
        assertMalformed(with(6, 0x20), PACKET.length); // more fragments
        assertMalformed(with(7, 0x01), PACKET.length); // fragment offset
        assertMalformed(with(9, 17), PACKET.length); // UDP
    }

    @Test
    void theDropReasonReachesTheValidationResultAndCounters() {
        ReceiveCounters counters = new ReceiveCounters();
        counters.record(ReceiveValidator.validateRawIpv4(with(9, 17), 0, PACKET.length,
                ReceiveProfileLookup.of(List.of())));

        assertThat(counters.dropped(DropReason.MALFORMED_IP_HEADER)).isEqualTo(1);
    }

    static byte[] with(int index, int value) {
        byte[] p = PACKET.clone();
        p[index] = (byte) value;
        return p;
    }

    static void assertMalformed(byte[] p, int length) {
        assertThat(RawIpv4Packet.split(p, 0, length)).isInstanceOfSatisfying(RawIpv4Packet.Malformed.class,
                m -> assertThat(m.reason()).isEqualTo(DropReason.MALFORMED_IP_HEADER));
    }
}
