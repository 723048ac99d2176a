package io.vipkeeper.agent.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 9568 §5.1.1.1 / §5.1.2.1 source address choice over a dumped address list. No root. */
class SourceAddressTest {
    private static final int ETH0 = 2;

    private static AddressInfo addr(int index, String ip, int prefix, int flags, int scope) throws Exception {
        return new AddressInfo(index, InetAddress.getByName(ip), prefix, flags, scope);
    }

    @Test
    void ipv4PicksThePrimaryAddressAndNeverAVip() throws Exception {
        List<AddressInfo> list = List.of(
                addr(1, "127.0.0.1", 8, 0, AddressInfo.RT_SCOPE_HOST),
                addr(ETH0, "10.199.1.100", 32, 0, 0), // a VIP, listed first
                addr(ETH0, "10.199.1.7", 24, AddressInfo.IFA_F_SECONDARY, 0),
                addr(ETH0, "10.199.1.1", 24, 0, 0));
        assertThat(SourceAddress.choose(list, ETH0, false, List.of(InetAddress.getByName("10.199.1.100"))))
                .contains(InetAddress.getByName("10.199.1.1"));
        assertThat(SourceAddress.choose(list, 9, false, List.of())).isEmpty();
    }

    @Test
    void ipv6PicksAUsableLinkLocalAddress() throws Exception {
        List<AddressInfo> list = List.of(
                addr(ETH0, "fd00:199:1::1", 64, 0, 0),
                addr(ETH0, "fe80::1", 64, AddressInfo.IFA_F_TENTATIVE, AddressInfo.RT_SCOPE_LINK),
                addr(ETH0, "fe80::2", 64, AddressInfo.IFA_F_PERMANENT, AddressInfo.RT_SCOPE_LINK));
        assertThat(SourceAddress.choose(list, ETH0, true, List.of())).contains(InetAddress.getByName("fe80::2"));
    }

    @Test
    void noLinkLocalMeansNoIpv6Source() throws Exception {
        List<AddressInfo> list = List.of(addr(ETH0, "fd00:199:1::1", 64, 0, 0),
                addr(ETH0, "fe80::1", 64, AddressInfo.IFA_F_DADFAILED, AddressInfo.RT_SCOPE_LINK));
        assertThat(SourceAddress.choose(list, ETH0, true, List.of())).isEmpty();
    }
}
