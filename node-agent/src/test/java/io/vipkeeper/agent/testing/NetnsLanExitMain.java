package io.vipkeeper.agent.testing;

/**
 * Run in a child JVM by {@link NetnsLanTest}: builds a LAN, prints its namespace names and exits WITHOUT closing
 * it, so only the shutdown hook can clean up.
 */
public final class NetnsLanExitMain {
    private NetnsLanExitMain() {}

    public static void main(String[] args) {
        NetnsLan lan = NetnsLan.create(1, 20);
        System.out.println("BRIDGE " + lan.bridgeNamespace());
        System.out.println("HOST " + lan.host(1).name());
        System.out.flush();
        System.exit(0);
    }
}
