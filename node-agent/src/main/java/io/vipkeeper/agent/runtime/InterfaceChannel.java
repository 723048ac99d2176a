package io.vipkeeper.agent.runtime;

import io.vipkeeper.agent.linux.LinkInfo;
import io.vipkeeper.agent.linux.LinuxException;
import io.vipkeeper.agent.linux.PacketSocket;
import io.vipkeeper.agent.linux.Poller;
import io.vipkeeper.agent.linux.VrrpSocket;
import io.vipkeeper.agent.vrrp.wire.AddressFamily;
import io.vipkeeper.agent.vrrp.wire.MacAddress;
import io.vipkeeper.agent.vrrp.wire.ReceiveCounters;
import io.vipkeeper.agent.vrrp.wire.ReceiveProfile;
import io.vipkeeper.agent.vrrp.wire.ReceiveProfileLookup;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the agent holds open on one interface for one address family: the raw VRRP socket (shared by all
 * instances there, dispatched by VRID), the AF_PACKET socket for gratuitous ARP / unsolicited NA, the receive
 * buffer, the lookup from VRID to the local instance's receive profile, and the receive counters by drop reason.
 *
 * <p>Owned by the agent loop's thread.
 */
final class InterfaceChannel implements AutoCloseable {
    /** A VRRP message is at most 8 + 255 × 16 + 8 bytes; 4 KiB leaves room. */
    private static final int RECEIVE_BUFFER = 4096;

    final String interfaceName;
    final int interfaceIndex;
    final AddressFamily family;
    /** Our source: the interface's primary IPv4 address or its IPv6 link-local address (RFC 9568 §5.1.1.1). */
    final InetAddress primaryAddress;
    final MacAddress mac;
    final VrrpSocket socket;
    final PacketSocket packetSocket;
    final ByteBuffer receiveBuffer = ByteBuffer.allocate(RECEIVE_BUFFER);
    final ReceiveCounters counters = new ReceiveCounters();
    final List<InstanceRuntime> instances = new ArrayList<>();
    int pollToken = -1;
    boolean multicastJoined;
    ReceiveProfileLookup lookup = vrid -> null;

    private InterfaceChannel(String interfaceName, int interfaceIndex, AddressFamily family,
            InetAddress primaryAddress, MacAddress mac, VrrpSocket socket, PacketSocket packetSocket) {
        this.interfaceName = interfaceName;
        this.interfaceIndex = interfaceIndex;
        this.family = family;
        this.primaryAddress = primaryAddress;
        this.mac = mac;
        this.socket = socket;
        this.packetSocket = packetSocket;
    }

    static InterfaceChannel open(LinkInfo link, AddressFamily family, InetAddress primaryAddress)
            throws LinuxException {
        VrrpSocket socket = VrrpSocket.open(link.name(), primaryAddress);
        PacketSocket packets;
        try {
            packets = PacketSocket.open(link.index());
        } catch (LinuxException | RuntimeException e) {
            socket.close();
            throw e;
        }
        byte[] macBytes = link.mac();
        MacAddress mac = macBytes.length == 6 ? MacAddress.of(macBytes) : new MacAddress(0);
        return new InterfaceChannel(link.name(), link.index(), family, primaryAddress, mac, socket, packets);
    }

    /** Rebuilds the VRID lookup (and the multicast membership) after instances were added or removed. */
    void refresh(Poller poller) throws LinuxException {
        rebuildLookup();
        boolean anyMulticast = false;
        for (InstanceRuntime instance : instances) {
            anyMulticast |= instance.settings.unicastPeers().isEmpty();
        }
        if (anyMulticast && !multicastJoined) {
            socket.joinMulticastGroup();
            multicastJoined = true;
        }
        if (pollToken < 0) {
            pollToken = poller.register(socket);
        }
    }

    /** Rebuilds the VRID → receive profile table from the instances' current profiles. */
    void rebuildLookup() {
        List<ReceiveProfile> profiles = new ArrayList<>(instances.size());
        for (InstanceRuntime instance : instances) {
            profiles.add(instance.profile);
        }
        lookup = ReceiveProfileLookup.of(profiles);
    }

    @Override
    public void close() {
        socket.close();
        packetSocket.close();
    }

    String key() {
        return key(interfaceName, family);
    }

    static String key(String interfaceName, AddressFamily family) {
        return interfaceName + "/" + (family == AddressFamily.IPV4 ? "ipv4" : "ipv6");
    }
}
