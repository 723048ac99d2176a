package io.vipkeeper.agent.linux;

import java.net.InetAddress;

/**
 * Installs and removes VIPs, idempotently; {@link Rtnetlink} is the Linux one. Exists so the agent runtime can be
 * tested with an in-memory fake.
 */
public interface AddressInstaller {

    /** Adds the address; true when added, false when it was already there. */
    boolean addAddress(int interfaceIndex, InetAddress address, int prefixLength) throws LinuxException;

    /** Removes the address; true when removed, false when it was not there. */
    boolean removeAddress(int interfaceIndex, InetAddress address, int prefixLength) throws LinuxException;
}
