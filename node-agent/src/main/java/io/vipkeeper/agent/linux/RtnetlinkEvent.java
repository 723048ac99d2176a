package io.vipkeeper.agent.linux;

import java.net.InetAddress;

/** A link or address change the kernel announced on the rtnetlink multicast groups. */
public sealed interface RtnetlinkEvent {

    /** RTM_NEWLINK: a link appeared or its flags changed. {@code up} is {@link LinkInfo#up()}. */
    record LinkChanged(int index, String name, boolean up, LinkInfo link) implements RtnetlinkEvent {}

    /** RTM_DELLINK: the link is gone (a VRRP instance on it is in fault). */
    record LinkRemoved(int index, String name) implements RtnetlinkEvent {}

    /** RTM_NEWADDR: an address was added (or its flags changed, e.g. DAD finished). */
    record AddressAdded(int index, InetAddress address, int prefixLength, AddressInfo info) implements RtnetlinkEvent {}

    /** RTM_DELADDR: an address was removed (by us, by an administrator, or by another agent). */
    record AddressRemoved(int index, InetAddress address, int prefixLength, AddressInfo info)
            implements RtnetlinkEvent {}

    /**
     * The socket's receive queue overflowed (ENOBUFS): some events were lost. The consumer must re-read the
     * state it cares about with {@link Rtnetlink#dumpLinks()} / {@link Rtnetlink#dumpAddresses()}.
     */
    record EventsLost() implements RtnetlinkEvent {}
}
