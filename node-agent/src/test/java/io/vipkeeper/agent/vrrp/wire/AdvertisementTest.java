package io.vipkeeper.agent.vrrp.wire;

import static io.vipkeeper.agent.vrrp.wire.KeepalivedFixture.addr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.vipkeeper.agent.vrrp.VrrpVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdvertisementTest {

    @Test
    void intervalInCentisecondsConvertsV2Seconds() {
        assertThat(Advertisement.v2(1, 100, 3, List.of(addr("10.199.0.1")), 0, 0).intervalCentiseconds())
                .isEqualTo(300);
        assertThat(Advertisement.v3(AddressFamily.IPV4, 1, 100, 75, List.of()).intervalCentiseconds()).isEqualTo(75);
    }

    @Test
    void rejectsValuesThatDoNotFitTheWire() {
        assertThatIllegalArgumentException().isThrownBy(() -> Advertisement.v3(AddressFamily.IPV4, 1, 100, 4096,
                List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> Advertisement.v2(1, 100, 256, List.of(), 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> Advertisement.v3(AddressFamily.IPV4, 256, 1, 1,
                List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> Advertisement.v3(AddressFamily.IPV4, 1, 1, 1,
                List.of(addr("fe80::1"))));
        assertThatIllegalArgumentException().isThrownBy(() -> new Advertisement(VrrpVersion.V2, AddressFamily.IPV6,
                1, 1, 1, 1, List.of(), 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Advertisement(VrrpVersion.V3, AddressFamily.IPV4,
                1, 1, 1, 1, List.of(), 1, 0));
    }

    @Test
    void withPriorityKeepsTheRest() {
        Advertisement a = Advertisement.v3(AddressFamily.IPV4, 9, 150, 100, List.of(addr("10.199.0.9")));

        assertThat(a.withPriority(0)).isEqualTo(Advertisement.v3(AddressFamily.IPV4, 9, 0, 100,
                List.of(addr("10.199.0.9"))));
    }

    @Test
    void encodeIntoAnOffsetOfALargerBuffer() {
        Advertisement a = Advertisement.v3(AddressFamily.IPV4, 9, 150, 100, List.of(addr("10.199.0.9")));
        byte[] buffer = new byte[64];

        int n = AdvertisementCodec.encodeInto(a, addr("10.199.0.1"), addr("224.0.0.18"),
                ChecksumMode.WITH_PSEUDO_HEADER, buffer, 10);

        assertThat(n).isEqualTo(12);
        assertThat(AdvertisementCodec.decode(buffer, 10, n, AddressFamily.IPV4))
                .isEqualTo(new DecodeResult.Decoded(a));
        assertThat(java.util.Arrays.copyOfRange(buffer, 10, 22)).isEqualTo(AdvertisementCodec.encode(a,
                addr("10.199.0.1"), addr("224.0.0.18"), ChecksumMode.WITH_PSEUDO_HEADER));
    }

    @Test
    void decodeReportsStructuralProblemsWithTypedReasons() {
        assertThat(AdvertisementCodec.decode(new byte[7], AddressFamily.IPV4))
                .isEqualTo(new DecodeResult.Malformed(DropReason.TOO_SHORT, "length 7 < 8"));
        assertThat(AdvertisementCodec.decode(null, AddressFamily.IPV4))
                .isInstanceOfSatisfying(DecodeResult.Malformed.class,
                        m -> assertThat(m.reason()).isEqualTo(DropReason.TOO_SHORT));
        byte[] v2 = AdvertisementCodec.encode(Advertisement.v2(1, 1, 1, List.of(addr("10.199.0.1")), 0, 0),
                addr("10.199.0.1"), addr("224.0.0.18"), ChecksumMode.WITHOUT_PSEUDO_HEADER);
        assertThat(AdvertisementCodec.decode(v2, AddressFamily.IPV6))
                .isInstanceOfSatisfying(DecodeResult.Malformed.class,
                        m -> assertThat(m.reason()).isEqualTo(DropReason.ADDRESS_FAMILY_MISMATCH));
        v2[0] = 0x41;
        assertThat(AdvertisementCodec.decode(v2, AddressFamily.IPV4))
                .isInstanceOfSatisfying(DecodeResult.Malformed.class,
                        m -> assertThat(m.reason()).isEqualTo(DropReason.UNSUPPORTED_VERSION));
    }
}
