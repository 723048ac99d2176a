#!/usr/bin/env python3
"""Scenario table for capture.sh: renders keepalived configs and turns the capture into JSON fixtures.

  capture_fixtures.py configs WORKDIR
  capture_fixtures.py extract CAPTURE.pcap OUTDIR "keepalived version line"

One fixture per (VRID, priority seen): the first frame of each. Adverts are written as vrrp-*.json with the
IP header facts and the VRRP payload in hex; keepalived's gratuitous ARPs and unsolicited NAs as frame-*.json
with the whole Ethernet frame in hex. Expected values come from this table (what keepalived was told), not
from the bytes, so the Java tests check the decoder against keepalived's configuration.
"""
import ipaddress
import json
import os
import struct
import sys

# host -> global_defs extras; instance: name, host, version, vrid, priority, advert_int (s), addresses,
# unicast (src, peer) or None, auth (type, pass) or None
GLOBALS = {1: "", 2: "", 3: ""}
SCENARIOS = [
    dict(name="v2-ipv4-multicast-1vip", host=1, version=2, vrid=10, priority=150, advert_int="1",
         addresses=["10.199.0.100"]),
    dict(name="v2-ipv4-multicast-3vips-authpass", host=1, version=2, vrid=11, priority=200, advert_int="2",
         addresses=["10.199.0.111", "10.199.0.112", "10.199.0.113"], auth=("PASS", "secret1")),
    dict(name="v3-ipv4-multicast-2vips-50cs", host=1, version=3, vrid=20, priority=120, advert_int="0.5",
         addresses=["10.199.0.120", "10.199.0.121"]),
    dict(name="v3-ipv6-multicast-2vips", host=1, version=3, vrid=30, priority=100, advert_int="1",
         addresses=["fe80::30:1", "fd00:199::30"]),
    dict(name="v3-ipv4-unicast-1vip", host=1, version=3, vrid=40, priority=110, advert_int="1",
         addresses=["10.199.0.140"], unicast=("10.199.0.1", "10.199.0.2")),
    dict(name="v2-ipv4-multicast-2vips", host=2, version=2, vrid=12, priority=90, advert_int="1",
         addresses=["10.199.0.122", "10.199.0.123"]),
    dict(name="v3-ipv4-multicast-4vips", host=2, version=3, vrid=21, priority=254, advert_int="1",
         addresses=["10.199.0.131", "10.199.0.132", "10.199.0.133", "10.199.0.134"]),
    dict(name="v3-ipv6-multicast-1vip-200cs", host=2, version=3, vrid=31, priority=200, advert_int="2",
         addresses=["fe80::31:1"]),
    dict(name="v2-ipv4-unicast-1vip", host=2, version=2, vrid=41, priority=100, advert_int="1",
         addresses=["10.199.0.141"], unicast=("10.199.0.2", "10.199.0.1")),
    dict(name="v3-ipv6-unicast-2vips", host=2, version=3, vrid=42, priority=100, advert_int="1",
         addresses=["fe80::42:1", "fd00:199::42"], unicast=("fd00:199::2", "fd00:199::1")),
    dict(name="v3-ipv4-multicast-3vips-1s", host=3, version=3, vrid=50, priority=1, advert_int="1",
         addresses=["10.199.0.150", "10.199.0.151", "10.199.0.152"]),
]


def render(host):
    lines = ["global_defs {", f"  router_id h{host}", "  vrrp_garp_master_repeat 1", "  vrrp_garp_master_delay 0",
             GLOBALS[host], "}"]
    for s in SCENARIOS:
        if s["host"] != host:
            continue
        lines.append(instance_text(s))
    return "\n".join(lines) + "\n"


def instance_text(s):
    body = [f"vrrp_instance {s['name'].replace('-', '_')} {{", "  state MASTER", "  interface eth0",
            f"  version {s['version']}", f"  virtual_router_id {s['vrid']}", f"  priority {s['priority']}",
            f"  advert_int {s['advert_int']}", "  nopreempt" if False else ""]
    if s.get("auth"):
        body += ["  authentication {", f"    auth_type {s['auth'][0]}", f"    auth_pass {s['auth'][1]}", "  }"]
    if s.get("unicast"):
        body += [f"  unicast_src_ip {s['unicast'][0]}", "  unicast_peer {", f"    {s['unicast'][1]}", "  }"]
    body.append("  virtual_ipaddress {")
    for a in s["addresses"]:
        plen = 32 if ":" not in a else 64
        body.append(f"    {a}/{plen}")
    body += ["  }", "}"]
    return "\n".join(line for line in body if line)


def configs(work):
    for host in (1, 2, 3):
        with open(os.path.join(work, f"h{host}.conf"), "w") as f:
            f.write(render(host))


def frames(pcap):
    with open(pcap, "rb") as f:
        data = f.read()
    magic = struct.unpack("<I", data[:4])[0]
    endian = "<" if magic in (0xa1b2c3d4, 0xa1b23c4d) else ">"
    pos = 24
    while pos + 16 <= len(data):
        _, _, incl, _ = struct.unpack(endian + "IIII", data[pos:pos + 16])
        yield data[pos + 16:pos + 16 + incl]
        pos += 16 + incl


def extract(pcap, out, version_line):
    by_vrid = {s["vrid"]: s for s in SCENARIOS}
    # one announcement fixture per instance: for its first virtual address
    announced = {str(ipaddress.ip_address(s["addresses"][0])) for s in SCENARIOS}
    seen_frames = set()
    written = set()
    for frame in frames(pcap):
        if frame in seen_frames:
            continue  # the same frame on the sender's and the receivers' bridge ports
        seen_frames.add(frame)
        ethertype = struct.unpack(">H", frame[12:14])[0]
        if ethertype == 0x0800 and frame[14 + 9] == 112:
            ihl = (frame[14] & 0x0F) * 4
            total = struct.unpack(">H", frame[16:18])[0]
            ip = frame[14:14 + total]
            facts = dict(family="IPV4", source=str(ipaddress.IPv4Address(ip[12:16])),
                         destination=str(ipaddress.IPv4Address(ip[16:20])), ttl=ip[8])
            payload = ip[ihl:]
            advert(out, by_vrid, written, facts, payload, version_line, ip.hex())
        elif ethertype == 0x86DD and frame[14 + 6] == 112:
            ip = frame[14:]
            plen = struct.unpack(">H", ip[4:6])[0]
            facts = dict(family="IPV6", source=str(ipaddress.IPv6Address(ip[8:24])),
                         destination=str(ipaddress.IPv6Address(ip[24:40])), ttl=ip[7])
            advert(out, by_vrid, written, facts, ip[40:40 + plen], version_line, None)
        elif ethertype == 0x0806 and frame[28:32] == frame[38:42] and ("arp", frame[28:32]) not in written:
            written.add(("arp", frame[28:32]))
            vip = str(ipaddress.IPv4Address(frame[28:32]))
            if vip in announced:
                write(out, f"frame-garp-{vip}.json", dict(
                    description=f"gratuitous ARP for {vip} sent by {version_line} on becoming master",
                    kind="GRATUITOUS_ARP", vip=vip, sourceMac=frame[6:12].hex(":"), frameHex=frame.hex()))
        elif ethertype == 0x86DD and frame[14 + 6] == 58 and frame[54] == 136:
            target = str(ipaddress.IPv6Address(frame[62:78]))
            if ("na", target) not in written and target in announced:
                written.add(("na", target))
                write(out, f"frame-na-{target.replace(':', '_')}.json", dict(
                    description=f"unsolicited neighbour advertisement for {target} sent by {version_line}",
                    kind="NEIGHBOR_ADVERTISEMENT", vip=target, sourceMac=frame[6:12].hex(":"),
                    source=str(ipaddress.IPv6Address(frame[22:38])), frameHex=frame.hex()))


def advert(out, by_vrid, written, facts, payload, version_line, ip_hex):
    vrid = payload[1]
    prio = payload[2]
    s = by_vrid.get(vrid)
    if s is None or (vrid, prio) in written:
        return
    written.add((vrid, prio))
    version = payload[0] >> 4
    interval_s = float(s["advert_int"])
    interval = round(interval_s * 100) if version == 3 else int(interval_s)
    auth_type = 0
    auth_data = "00" * 8
    if s.get("auth"):
        auth_type = 1
        auth_data = s["auth"][1].encode().ljust(8, b"\0").hex()
    stopping = prio == 0
    name = s["name"] + ("-priority0" if stopping else "")
    fixture = dict(
        description=(f"keepalived instance {s['name']} on h{s['host']}"
                     + (" stopping (priority 0 advert, RFC 9568 §6.4.3)" if stopping else "")),
        capturedWith=version_line,
        keepalivedConfig=instance_text(s),
        version=version,
        checksumMode="WITHOUT_PSEUDO_HEADER" if version == 2 else "WITH_PSEUDO_HEADER",
        unicast=bool(s.get("unicast")),
        **facts,
        payloadHex=payload.hex(),
        expected=dict(vrid=s["vrid"], priority=0 if stopping else s["priority"], interval=interval,
                      addresses=s["addresses"], authType=auth_type, authDataHex=auth_data,
                      configuredPriority=s["priority"]))
    if ip_hex:
        fixture["ipPacketHex"] = ip_hex
    write(out, f"vrrp-{name}.json", fixture)


def write(out, name, obj):
    with open(os.path.join(out, name), "w") as f:
        json.dump(obj, f, indent=2)
        f.write("\n")
    print("wrote", name)


if __name__ == "__main__":
    if sys.argv[1] == "configs":
        configs(sys.argv[2])
    else:
        extract(sys.argv[2], sys.argv[3], sys.argv[4])
