package config

import (
	"fmt"
	"net/netip"
)

// SubnetPlan is the per-AZ subnet layout derived from the VPC CIDR.
//
// The VPC is cut into eighths. Private subnets (nodes and, with the VPC CNI,
// every pod IP) take one eighth each, so a /16 gives /19s of 8k addresses.
// Public and database subnets are small (/22 from a /16): the ALB, NAT
// gateways and RDS need few addresses. They live in the second half.
type SubnetPlan struct {
	Public   []string
	Private  []string
	Database []string
}

const (
	maxAZs          = 4
	minVPCPrefix    = 16
	maxVPCPrefix    = 20
	privateNewBits  = 3
	smallNewBits    = 6
	publicBaseIndex = 32 // first /22 of the second half of a /16
	dbBaseIndex     = 40
)

// PlanSubnets computes the subnet plan for a VPC CIDR and AZ count.
func PlanSubnets(vpcCIDR string, azs int) (SubnetPlan, error) {
	prefix, err := netip.ParsePrefix(vpcCIDR)
	if err != nil {
		return SubnetPlan{}, fmt.Errorf("network.vpcCidr: %q is not an IPv4 CIDR", vpcCIDR)
	}
	if !prefix.Addr().Is4() || prefix.Masked() != prefix {
		return SubnetPlan{}, fmt.Errorf("network.vpcCidr: %q must be an IPv4 network address (host bits zero)", vpcCIDR)
	}
	if prefix.Bits() < minVPCPrefix || prefix.Bits() > maxVPCPrefix {
		return SubnetPlan{}, fmt.Errorf("network.vpcCidr: /%d is outside /%d../%d (smaller VPCs leave too few pod IPs)", prefix.Bits(), minVPCPrefix, maxVPCPrefix)
	}
	if azs < 2 || azs > maxAZs {
		return SubnetPlan{}, fmt.Errorf("availabilityZones: %d zones, want 2..%d", azs, maxAZs)
	}
	var plan SubnetPlan
	for i := 0; i < azs; i++ {
		plan.Private = append(plan.Private, subnet(prefix, privateNewBits, i).String())
		plan.Public = append(plan.Public, subnet(prefix, smallNewBits, publicBaseIndex+i).String())
		plan.Database = append(plan.Database, subnet(prefix, smallNewBits, dbBaseIndex+i).String())
	}
	return plan, nil
}

// subnet is Terraform's cidrsubnet(prefix, newBits, index) for IPv4.
func subnet(p netip.Prefix, newBits, index int) netip.Prefix {
	bits := p.Bits() + newBits
	base := p.Addr().As4()
	n := uint32(base[0])<<24 | uint32(base[1])<<16 | uint32(base[2])<<8 | uint32(base[3])
	n |= uint32(index) << (32 - bits)
	addr := netip.AddrFrom4([4]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)})
	return netip.PrefixFrom(addr, bits)
}

// Subnets returns the environment's subnet plan; Validate has checked it.
func (e Environment) Subnets() SubnetPlan {
	plan, err := PlanSubnets(e.Network.VpcCIDR, len(e.AvailabilityZones))
	if err != nil {
		panic(err) // unreachable after Validate
	}
	return plan
}

func overlaps(a, b string) bool {
	pa, errA := netip.ParsePrefix(a)
	pb, errB := netip.ParsePrefix(b)
	return errA == nil && errB == nil && pa.Overlaps(pb)
}
