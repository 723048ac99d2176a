package io.vipkeeper.operator.core;

/**
 * The CamelCase reasons of {@link Problem}s and conditions, in one place so reconcilers, tests and documentation
 * name them the same way.
 */
public final class Reasons {

    // --- a VirtualIP against its pool ---
    /** spec.pool names no VirtualIPPool. */
    public static final String POOL_NOT_FOUND = "PoolNotFound";
    /** The pool itself breaks a rule (see the pool's Ready condition). */
    public static final String POOL_INVALID = "PoolInvalid";
    /** The VirtualIP's namespace is not in the pool's allowedNamespaces. */
    public static final String NAMESPACE_NOT_ALLOWED = "NamespaceNotAllowed";
    /** An address is not a CIDR. */
    public static final String INVALID_ADDRESS = "InvalidAddress";
    /** The same address is listed twice. */
    public static final String DUPLICATE_ADDRESS = "DuplicateAddress";
    /** An address lies in none of the pool's CIDRs. */
    public static final String ADDRESS_OUTSIDE_POOL = "AddressOutsidePool";
    /** IPv4 and IPv6 addresses in one VirtualIP. */
    public static final String MIXED_ADDRESS_FAMILIES = "MixedAddressFamilies";
    /** Another (older, or already running) VirtualIP holds the address. */
    public static final String ADDRESS_IN_USE = "AddressInUse";
    /** No address of the pool is free. */
    public static final String NO_FREE_ADDRESS = "NoFreeAddress";
    /** The VRID lies outside the pool's virtualRouterIds. */
    public static final String VIRTUAL_ROUTER_ID_OUTSIDE_POOL = "VirtualRouterIdOutsidePool";
    /** Another (older, or already running) VirtualIP of the pool holds the VRID. */
    public static final String VIRTUAL_ROUTER_ID_IN_USE = "VirtualRouterIdInUse";
    /** No VRID of the pool's range is free. */
    public static final String NO_FREE_VIRTUAL_ROUTER_ID = "NoFreeVirtualRouterId";
    /** VRRP version 2 with IPv6 addresses (RFC 3768 is IPv4 only). */
    public static final String VERSION_2_IPV6 = "Version2WithIPv6";
    /** A version that is neither 2 nor 3. */
    public static final String INVALID_VERSION = "InvalidVersion";
    /** The advertisement interval does not fit the version. */
    public static final String INVALID_ADVERTISEMENT_INTERVAL = "InvalidAdvertisementInterval";
    /** preemptDelay is not a duration of at most 1000s. */
    public static final String INVALID_PREEMPT_DELAY = "InvalidPreemptDelay";
    /** checksumWithPseudoHeader: false outside VRRPv3 over IPv4. */
    public static final String CHECKSUM_OPTION_NOT_APPLICABLE = "ChecksumOptionNotApplicable";
    /** A preferred node's priority is outside 1..254. */
    public static final String INVALID_PRIORITY = "InvalidPriority";
    /** An exec check or exec notify while the pool has no scriptDirectory. */
    public static final String EXEC_NOT_ALLOWED = "ExecNotAllowed";
    /** An exec program that is absolute or climbs out with "..". */
    public static final String SCRIPT_OUTSIDE_DIRECTORY = "ScriptOutsideDirectory";
    /** A check that is malformed (no probe, two probes, a bad name or duration, duplicate names). */
    public static final String INVALID_CHECK = "InvalidCheck";

    // --- a pool on its own ---
    /** spec.addresses is empty. */
    public static final String NO_ADDRESSES = "NoAddresses";
    /** Two CIDRs of the pool overlap. */
    public static final String OVERLAPPING_ADDRESSES = "OverlappingAddresses";
    /** spec.interface sets neither or both of name and cidr, or a malformed one. */
    public static final String INVALID_INTERFACE = "InvalidInterface";
    /** spec.virtualRouterIds outside 1..255 or min above max. */
    public static final String INVALID_VIRTUAL_ROUTER_IDS = "InvalidVirtualRouterIds";
    /** defaultPriority outside 1..254. */
    public static final String INVALID_DEFAULT_PRIORITY = "InvalidDefaultPriority";
    /** scriptDirectory is not absolute. */
    public static final String INVALID_SCRIPT_DIRECTORY = "InvalidScriptDirectory";
    /** nodeSelector with an unknown operator or malformed expression. */
    public static final String INVALID_NODE_SELECTOR = "InvalidNodeSelector";

    // --- condition reasons that are not problems ---
    /** Valid=True. */
    public static final String VALID = "Valid";
    /** Ready=True: exactly one node is MASTER. */
    public static final String ONE_MASTER = "OneMaster";
    /** Ready=False: no node is MASTER. */
    public static final String NO_MASTER = "NoMaster";
    /** Ready=False, SplitBrain=True: two or more nodes are MASTER. */
    public static final String SPLIT_BRAIN = "SplitBrain";
    /** SplitBrain=False. */
    public static final String NO_SPLIT_BRAIN = "AtMostOneMaster";
    /** Ready=False: no node has reported yet. */
    public static final String PENDING = "Pending";
    /** Ready=False: no node is eligible (selector, readiness, ready endpoints). */
    public static final String NO_ELIGIBLE_NODES = "NoEligibleNodes";
    /** Ready=False because Valid=False. */
    public static final String INVALID = "Invalid";
    /** Pool Exhausted=False. */
    public static final String AVAILABLE = "Available";
    /** Pool Exhausted=True: no free address. */
    public static final String ADDRESSES_EXHAUSTED = "AddressesExhausted";
    /** Pool Exhausted=True: no free VRID. */
    public static final String VIRTUAL_ROUTER_IDS_EXHAUSTED = "VirtualRouterIdsExhausted";

    // --- condition types ---
    /** Condition type Ready (VirtualIP and pool). */
    public static final String TYPE_READY = "Ready";
    /** Condition type Valid (VirtualIP). */
    public static final String TYPE_VALID = "Valid";
    /** Condition type SplitBrain (VirtualIP). */
    public static final String TYPE_SPLIT_BRAIN = "SplitBrain";
    /** Condition type Exhausted (pool). */
    public static final String TYPE_EXHAUSTED = "Exhausted";

    private Reasons() {
    }
}
