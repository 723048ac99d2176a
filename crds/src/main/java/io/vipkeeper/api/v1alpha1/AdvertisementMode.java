package io.vipkeeper.api.v1alpha1;

/** How VRRP advertisements reach the other nodes of a pool. */
public enum AdvertisementMode {
    /** To the VRRP multicast group 224.0.0.18 or ff02::12 (RFC 9568 section 5.1.1.2 / 5.1.2.2). */
    Multicast,
    /** To each peer node's address; advertisements from any other source are dropped (keepalived: unicast_peer). */
    Unicast
}
