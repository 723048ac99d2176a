package io.vipkeeper.agent.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** rtnetlink encoding and parsing against hand-built bytes laid out as the uapi headers define them. No root. */
class NetlinkCodecTest {

    /** Builds netlink messages in host byte order, the way the kernel lays them out. */
    private static final class Builder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Builder message(int type, int flags, int seq, byte[] body) {
            ByteBuffer h = le(16);
            h.putInt(16 + body.length).putShort((short) type).putShort((short) flags).putInt(seq).putInt(0);
            out.writeBytes(h.array());
            out.writeBytes(body);
            out.writeBytes(new byte[NetlinkCodec.align(body.length) - body.length]);
            return this;
        }

        ByteBuffer build() {
            return ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.nativeOrder());
        }
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }

    private static byte[] attr(int type, byte[] data) {
        ByteBuffer a = le(NetlinkCodec.align(4 + data.length));
        a.putShort((short) (4 + data.length)).putShort((short) type).put(data);
        return a.array();
    }

    private static byte[] intAttr(int type, int value) {
        return attr(type, le(4).putInt(value).array());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    private static byte[] ifinfomsg(int index, int flags) {
        ByteBuffer b = le(16);
        b.put((byte) 0).put((byte) 0).putShort((short) 1).putInt(index).putInt(flags).putInt(0);
        return b.array();
    }

    private static byte[] ifaddrmsg(int family, int prefix, int flags, int scope, int index) {
        ByteBuffer b = le(8);
        b.put((byte) family).put((byte) prefix).put((byte) flags).put((byte) scope).putInt(index);
        return b.array();
    }

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void ipv4AddRequestHasHeaderIfaddrmsgAndLocalAndAddressAttributes() {
        ByteBuffer out = le(256);
        int length = NetlinkCodec.encodeAddressRequest(out, true, 77, 5, ip("10.199.1.100"), 32);

        assertThat(length).isEqualTo(16 + 8 + 8 + 8);
        assertThat(out.getInt(0)).isEqualTo(length);
        assertThat(out.getShort(4)).isEqualTo((short) NetlinkCodec.RTM_NEWADDR);
        assertThat(out.getShort(6)).isEqualTo((short) (NetlinkCodec.NLM_F_REQUEST | NetlinkCodec.NLM_F_ACK
                | NetlinkCodec.NLM_F_CREATE | NetlinkCodec.NLM_F_EXCL));
        assertThat(out.getInt(8)).isEqualTo(77);
        assertThat(out.get(16)).isEqualTo((byte) Libc.AF_INET);
        assertThat(out.get(17)).isEqualTo((byte) 32);
        assertThat(out.get(18)).isZero(); // no IFA_F_NODAD for IPv4
        assertThat(out.getInt(20)).isEqualTo(5);
        assertThat(out.getShort(24)).isEqualTo((short) 8);
        assertThat(out.getShort(26)).isEqualTo((short) NetlinkCodec.IFA_LOCAL);
        assertThat(new byte[] {out.get(28), out.get(29), out.get(30), out.get(31)})
                .isEqualTo(new byte[] {10, (byte) 199, 1, 100});
        assertThat(out.getShort(34)).isEqualTo((short) NetlinkCodec.IFA_ADDRESS);
    }

    @Test
    void ipv6AddRequestCarriesNodadInIfaFlags() {
        ByteBuffer out = le(256);
        int length = NetlinkCodec.encodeAddressRequest(out, true, 1, 9, ip("fd00:199:1::100"), 128);

        assertThat(length).isEqualTo(16 + 8 + 20 + 20 + 8);
        assertThat(out.get(16)).isEqualTo((byte) Libc.AF_INET6);
        assertThat(out.get(17) & 0xff).isEqualTo(128);
        assertThat(out.get(18)).isEqualTo((byte) AddressInfo.IFA_F_NODAD);
        assertThat(out.getShort(64)).isEqualTo((short) 8);
        assertThat(out.getShort(66)).isEqualTo((short) NetlinkCodec.IFA_FLAGS);
        assertThat(out.getInt(68)).isEqualTo(AddressInfo.IFA_F_NODAD);
    }

    @Test
    void deleteRequestAsksOnlyForAnAck() {
        ByteBuffer out = le(256);
        int length = NetlinkCodec.encodeAddressRequest(out, false, 3, 9, ip("fd00:199:1::100"), 128);

        assertThat(length).isEqualTo(16 + 8 + 20 + 20);
        assertThat(out.getShort(4)).isEqualTo((short) NetlinkCodec.RTM_DELADDR);
        assertThat(out.getShort(6)).isEqualTo((short) (NetlinkCodec.NLM_F_REQUEST | NetlinkCodec.NLM_F_ACK));
        assertThat(out.get(18)).isZero();
    }

    @Test
    void prefixLongerThanTheFamilyAllowsIsRejected() {
        assertThatThrownBy(() -> NetlinkCodec.encodeAddressRequest(le(256), true, 1, 1, ip("10.0.0.1"), 33))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dumpRequestsCarryTheRightFamilyHeader() {
        ByteBuffer links = le(64);
        assertThat(NetlinkCodec.encodeDumpRequest(links, NetlinkCodec.RTM_GETLINK, Libc.AF_UNSPEC, 4)).isEqualTo(32);
        assertThat(links.getShort(6)).isEqualTo((short) (NetlinkCodec.NLM_F_REQUEST | NetlinkCodec.NLM_F_DUMP));
        ByteBuffer addrs = le(64);
        assertThat(NetlinkCodec.encodeDumpRequest(addrs, NetlinkCodec.RTM_GETADDR, Libc.AF_INET6, 5)).isEqualTo(24);
        assertThat(addrs.get(16)).isEqualTo((byte) Libc.AF_INET6);
    }

    @Test
    void linkMessageParsesIntoLinkChangedWithNameMacAndFlags() throws Exception {
        int flags = LinkInfo.IFF_UP | LinkInfo.IFF_RUNNING | LinkInfo.IFF_LOWER_UP | LinkInfo.IFF_BROADCAST;
        byte[] mac = {0x02, 0x11, 0x22, 0x33, 0x44, 0x55};
        byte[] body = concat(ifinfomsg(7, flags),
                attr(NetlinkCodec.IFLA_IFNAME, "eth0\0".getBytes(StandardCharsets.US_ASCII)),
                intAttr(4 /* IFLA_MTU */, 1500),
                attr(NetlinkCodec.IFLA_ADDRESS, mac));
        ByteBuffer datagram = new Builder().message(NetlinkCodec.RTM_NEWLINK, 0, 0, body).build();

        List<RtnetlinkEvent> events = NetlinkCodec.parseEvents(datagram);

        assertThat(events).hasSize(1);
        RtnetlinkEvent.LinkChanged changed = (RtnetlinkEvent.LinkChanged) events.getFirst();
        assertThat(changed.index()).isEqualTo(7);
        assertThat(changed.name()).isEqualTo("eth0");
        assertThat(changed.up()).isTrue();
        assertThat(changed.link().mac()).isEqualTo(mac);
        assertThat(changed.link().macString()).isEqualTo("02:11:22:33:44:55");
    }

    @Test
    void adminUpWithoutCarrierIsNotUp() throws Exception {
        byte[] body = concat(ifinfomsg(7, LinkInfo.IFF_UP),
                attr(NetlinkCodec.IFLA_IFNAME, "eth0\0".getBytes(StandardCharsets.US_ASCII)));
        RtnetlinkEvent.LinkChanged changed = (RtnetlinkEvent.LinkChanged) NetlinkCodec
                .parseEvents(new Builder().message(NetlinkCodec.RTM_NEWLINK, 0, 0, body).build()).getFirst();
        assertThat(changed.link().adminUp()).isTrue();
        assertThat(changed.up()).isFalse();
    }

    @Test
    void ipv4AddressPrefersIfaLocalOverThePeerInIfaAddress() throws Exception {
        byte[] body = concat(ifaddrmsg(Libc.AF_INET, 32, 0, 0, 3),
                attr(NetlinkCodec.IFA_ADDRESS, ip("192.0.2.9").getAddress()),
                attr(NetlinkCodec.IFA_LOCAL, ip("192.0.2.1").getAddress()),
                attr(NetlinkCodec.IFA_LABEL, "eth0\0".getBytes(StandardCharsets.US_ASCII)));
        AddressInfo a = NetlinkCodec.parseAddress(
                NetlinkCodec.split(new Builder().message(NetlinkCodec.RTM_NEWADDR, 0, 0, body).build()).getFirst());
        assertThat(a.address()).isEqualTo(ip("192.0.2.1"));
        assertThat(a.interfaceIndex()).isEqualTo(3);
        assertThat(a.prefixLength()).isEqualTo(32);
    }

    @Test
    void ifaFlagsAttributeOverridesTheEightBitFlags() throws Exception {
        int wide = AddressInfo.IFA_F_NODAD | AddressInfo.IFA_F_PERMANENT | 0x200 /* NOPREFIXROUTE */;
        byte[] body = concat(ifaddrmsg(Libc.AF_INET6, 64, AddressInfo.IFA_F_TENTATIVE, 0, 4),
                attr(NetlinkCodec.IFA_ADDRESS, ip("fd00::1").getAddress()),
                intAttr(NetlinkCodec.IFA_FLAGS, wide));
        AddressInfo a = NetlinkCodec.parseAddress(
                NetlinkCodec.split(new Builder().message(NetlinkCodec.RTM_NEWADDR, 0, 0, body).build()).getFirst());
        assertThat(a.flags()).isEqualTo(wide);
        assertThat(a.tentative()).isFalse();
        assertThat(a.ipv6()).isTrue();
    }

    @Test
    void oneDatagramCarriesSeveralAlignedMessages() throws Exception {
        byte[] link = concat(ifinfomsg(2, 0), attr(NetlinkCodec.IFLA_IFNAME, "e\0".getBytes(StandardCharsets.US_ASCII)));
        byte[] addr = concat(ifaddrmsg(Libc.AF_INET, 24, 0, 0, 2),
                attr(NetlinkCodec.IFA_LOCAL, ip("10.199.1.1").getAddress()));
        ByteBuffer datagram = new Builder()
                .message(NetlinkCodec.RTM_DELLINK, 0, 0, link)
                .message(NetlinkCodec.RTM_DELADDR, 0, 0, addr)
                .message(NetlinkCodec.NLMSG_NOOP, 0, 0, new byte[0])
                .build();

        List<RtnetlinkEvent> events = NetlinkCodec.parseEvents(datagram);

        assertThat(events).containsExactly(
                new RtnetlinkEvent.LinkRemoved(2, "e"),
                new RtnetlinkEvent.AddressRemoved(2, ip("10.199.1.1"), 24,
                        new AddressInfo(2, ip("10.199.1.1"), 24, 0, 0)));
    }

    @Test
    void errorMessageYieldsPositiveErrnoAndAckYieldsZero() throws Exception {
        ByteBuffer error = le(20).putInt(-Errno.EEXIST).putInt(0).putInt(0).putInt(0).putInt(0);
        ByteBuffer ack = le(20).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0);
        List<NetlinkCodec.Message> messages = NetlinkCodec.split(new Builder()
                .message(NetlinkCodec.NLMSG_ERROR, 0, 9, error.array())
                .message(NetlinkCodec.NLMSG_ERROR, 0, 10, ack.array())
                .build());
        assertThat(NetlinkCodec.errorCode(messages.get(0))).isEqualTo(Errno.EEXIST);
        assertThat(messages.get(0).seq()).isEqualTo(9);
        assertThat(NetlinkCodec.errorCode(messages.get(1))).isZero();
    }

    @Test
    void lengthsThatPointPastTheDataAreMalformed() {
        ByteBuffer tooLong = le(16).putInt(64).putShort((short) NetlinkCodec.RTM_NEWLINK).putShort((short) 0)
                .putInt(0).putInt(0).flip();
        assertThatThrownBy(() -> NetlinkCodec.split(tooLong)).isInstanceOf(MalformedNetlinkException.class);

        byte[] badAttr = concat(ifinfomsg(1, 0), le(4).putShort((short) 2).putShort((short) 3).array());
        ByteBuffer d = new Builder().message(NetlinkCodec.RTM_NEWLINK, 0, 0, badAttr).build();
        assertThatThrownBy(() -> NetlinkCodec.parseEvents(d)).isInstanceOf(MalformedNetlinkException.class);

        ByteBuffer shortBody = new Builder().message(NetlinkCodec.RTM_NEWADDR, 0, 0, new byte[4]).build();
        assertThatThrownBy(() -> NetlinkCodec.parseEvents(shortBody)).isInstanceOf(MalformedNetlinkException.class);

        byte[] wrongSize = concat(ifaddrmsg(Libc.AF_INET, 32, 0, 0, 1), attr(NetlinkCodec.IFA_LOCAL, new byte[16]));
        ByteBuffer w = new Builder().message(NetlinkCodec.RTM_NEWADDR, 0, 0, wrongSize).build();
        assertThatThrownBy(() -> NetlinkCodec.parseEvents(w)).isInstanceOf(MalformedNetlinkException.class);
    }

    /** What we ask the kernel to add parses back (as an RTM_NEWADDR body) into the same address. */
    @Property
    void addRequestBodyParsesBackToTheSameAddress(@ForAll @Size(16) byte[] raw6, @ForAll @Size(4) byte[] raw4,
            @ForAll boolean ipv6, @ForAll @IntRange(min = 1, max = 100_000) int index,
            @ForAll @IntRange(min = 0, max = 128) int prefix) throws Exception {
        InetAddress address = InetAddress.getByAddress(ipv6 ? raw6 : raw4);
        int prefixLength = address instanceof java.net.Inet6Address ? prefix : prefix % 33;
        ByteBuffer out = le(256);
        int length = NetlinkCodec.encodeAddressRequest(out, true, 1, index, address, prefixLength);
        out.flip();
        assertThat(out.remaining()).isEqualTo(length);

        AddressInfo parsed = NetlinkCodec.parseAddress(NetlinkCodec.split(out).getFirst());

        assertThat(parsed.address()).isEqualTo(address);
        assertThat(parsed.interfaceIndex()).isEqualTo(index);
        assertThat(parsed.prefixLength()).isEqualTo(prefixLength);
        // (an IPv4-mapped IPv6 array comes back from getByAddress as an Inet4Address: IPv4 rules then apply)
        boolean sentAsIpv6 = address instanceof java.net.Inet6Address;
        assertThat(parsed.flags() & AddressInfo.IFA_F_NODAD).isEqualTo(sentAsIpv6 ? AddressInfo.IFA_F_NODAD : 0);
    }
}
