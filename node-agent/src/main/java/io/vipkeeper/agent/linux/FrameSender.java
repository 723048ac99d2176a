package io.vipkeeper.agent.linux;

import java.nio.ByteBuffer;

/**
 * Sends complete Ethernet frames (gratuitous ARP, unsolicited NA) on one interface; {@link PacketSocket} is the
 * Linux one. Exists so the agent runtime can be tested with an in-memory fake.
 */
public interface FrameSender extends AutoCloseable {

    /** Sends one frame: the bytes between position and limit. */
    void send(ByteBuffer ethernetFrame) throws LinuxException;

    @Override
    void close();
}
