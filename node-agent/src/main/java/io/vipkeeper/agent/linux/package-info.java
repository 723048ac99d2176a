/**
 * The agent's Linux edge, in {@code java.lang.foreign} (no JNI, no shelling out): raw VRRP sockets
 * ({@link io.vipkeeper.agent.linux.VrrpSocket}), rtnetlink for addresses, links and their change events
 * ({@link io.vipkeeper.agent.linux.Rtnetlink}), AF_PACKET for gratuitous ARP / unsolicited NA
 * ({@link io.vipkeeper.agent.linux.PacketSocket}) and a thread inside another network namespace
 * ({@link io.vipkeeper.agent.linux.NetworkNamespace}). This layer moves bytes; encoding VRRP is the codec's job.
 * Requires {@code --enable-native-access} for the module (or ALL-UNNAMED).
 */
package io.vipkeeper.agent.linux;
