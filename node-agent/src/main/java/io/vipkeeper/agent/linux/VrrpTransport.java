package io.vipkeeper.agent.linux;

import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * What a VRRP instance needs from the network to exchange adverts; {@link VrrpSocket} is the Linux one. Exists so
 * the agent runtime can be tested with an in-memory fake.
 */
public interface VrrpTransport extends AutoCloseable {

    /** Sends a VRRP message to 224.0.0.18 / ff02::12. */
    void sendMulticast(ByteBuffer payload) throws LinuxException;

    /** Sends a VRRP message to one destination (a unicast peer, or the group). */
    void send(InetAddress destination, ByteBuffer payload) throws LinuxException;

    /** The next packet, or null on timeout or after close. See {@link VrrpSocket#receive}. */
    ReceivedPacket receive(ByteBuffer target, long timeoutMillis) throws LinuxException;

    @Override
    void close();
}
