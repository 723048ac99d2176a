/**
 * The node agent's standalone configuration: a YAML file that replaces a keepalived.conf on a host
 * ({@code java -jar vipkeeper-agent.jar --config agent.yaml}). See
 * {@code node-agent/src/test/resources/config/example-agent.yaml} for every field with its default.
 *
 * <p>{@link io.vipkeeper.agent.config.AgentConfigLoader} reads it in two passes. The first streams the YAML and
 * records where each key and value is written (by JSON pointer), and finds syntax errors, duplicate keys and a
 * second document. The second walks the tree: instance fields are read by hand with strict types;
 * {@code checks} and {@code notify} are bound to the CRD's own {@code CheckSpec} and {@code NotifySpec} (so the
 * file and a VirtualIP accept the same fields) with a Jackson made strict (unknown keys fail, no text turned into
 * numbers or booleans); then every rule is checked. All problems of the file are reported at once, each as
 * {@code file:line:col: path: message}, in file order; nothing on the host is touched.
 *
 * <p>Decisions beyond the CRD's rules:
 * <ul>
 *   <li>{@code virtualRouterId}, {@code priority}, {@code name}, {@code interface} and {@code addresses} are
 *       required (there is no pool to take defaults from); {@code priority} 255 makes the instance the address
 *       owner, which then may not say {@code startAsBackup: true} (RFC 9568 §6.4.1) or {@code preempt: false}
 *       (§6.1: the owner always preempts).</li>
 *   <li>{@code preempt: false} with a non-zero {@code preemptDelay} is refused (the delay would mean nothing;
 *       keepalived reports it as a configuration error too).</li>
 *   <li>{@code checksumWithPseudoHeader: false} is refused for version 2 and for IPv6, like the CRD does: there
 *       it would mean nothing (RFC 3768 has no pseudo-header; RFC 9568 §5.2.8 makes it mandatory over IPv6).</li>
 *   <li>Addresses are literals only (no DNS, no zone ids, dotted quads only); the unspecified, multicast and
 *       loopback addresses are not virtual addresses; an address or a peer listed twice, and a peer that is one of
 *       the instance's own virtual addresses, are refused.</li>
 *   <li>Names of instances, checks and sync groups follow the CRD's check-name format (letters, digits,
 *       {@code _ . -}, at most 63); interface names follow Linux's {@code dev_valid_name()}.</li>
 *   <li>{@code announcements.refreshInterval} is 0s or at least 1s; {@code secondBurstDelay} and
 *       {@code preemptDelay} are at most 1000s.</li>
 *   <li>An exec notify hook's timeout defaults to 10s (the CRD's documented default), a webhook's to 5s.</li>
 *   <li>Commands are kept as written (the runtime resolves them in the script directory); only an empty command
 *       or a program with a {@code ..} segment, which the runtime would always refuse, is refused here.</li>
 *   <li>Booleans are {@code true}/{@code false} only (YAML 1.2); YAML 1.1's {@code yes}/{@code no}/{@code on}/
 *       {@code off}, which the parser would otherwise turn into booleans, are refused (a name {@code no}!).</li>
 *   <li>YAML aliases ({@code *name}) are refused: the parser would hand them over as text.</li>
 *   <li>An explicit empty value ({@code key:} with nothing after it) counts as absent.</li>
 * </ul>
 */
package io.vipkeeper.agent.config;
