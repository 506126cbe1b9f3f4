/// The commented example printed by `peerconf init`. `Examples/vif-prod-01.yaml` is the
/// same text (a test keeps them equal), so the README's first command runs on it.
public enum ExampleDefinition {
    public static let yaml = """
# peerconf definition (format version 1): one Direct Connect virtual interface and its peers.
# Check it with `peerconf validate FILE`. Editors validate and complete it with `peerconf schema`.
version: 1
virtual_interface:
  name: vif-prod-01                # optional; 1-64 letters, digits, _ - .
  connection: dc-fra-1             # optional; the physical connection carrying it
  vlan: 1001                       # 0-3999; 0 means untagged (layer-3 port)
  cloud_asn: 64512                 # the virtual gateway's BGP ASN (default 64512)
  local_subnets:                   # the virtual gateway's (cloud-side) subnets
    - 10.0.0.0/16
    - "2001:db8:100::/56"
  router:                          # the customer device terminating this interface
    vendor: ios-xe
    interface: GigabitEthernet0/0/1
  peers:                           # 1 or 2 peers: at most one IPv4 and one IPv6
    - name: peer-v4
      address_family: ipv4
      local_gateway: 192.168.0.1/30      # the cloud's address on the link
      remote_gateway: 192.168.0.2/30     # your router's address on the link
      remote_subnets:                    # your on-premises subnets, 1 to 50
        - 192.168.52.0/24
        - 192.168.54.0/24
      routing_mode: bgp                  # static | bgp
      bgp_asn: 65010                     # your ASN: 1-4294967295 or "X.Y"; not 64512
      bgp_md5_key_env: DC_MD5_KEY        # or bgp_md5_key_file; keep keys out of files
      description: Production link to FRA
    - name: peer-v6
      address_family: ipv6
      local_gateway: "2001:db8:ffff::1/64"
      remote_gateway: "2001:db8:ffff::2/64"
      remote_subnets:
        - "2001:db8:52::/48"
      routing_mode: bgp
      bgp_asn: 65010
      bgp_md5_key_env: DC_MD5_KEY
      description: Production link to FRA (IPv6)
"""
}
