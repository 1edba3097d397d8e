// Package rdsclass holds what this project knows about RDS instance classes
// that both halves need: the memory of a class and the max_connections RDS
// derives from it. It is a leaf package (no CDKTF, no cdk8s) so that the
// Terraform side (the connections alarm) and the Kubernetes side (the
// connection budget of internal/capacity) read the same number.
package rdsclass

import (
	"fmt"
	"maps"
	"slices"
)

// memoryGiB is the memory of every class the price table lists
// (internal/pricetable), so that each class an environment may choose has a
// known connection limit; config validation rejects a class missing here.
var memoryGiB = map[string]float64{
	"db.t3.micro": 1, "db.t3.small": 2, "db.t3.medium": 4,
	"db.t4g.micro": 1, "db.t4g.small": 2, "db.t4g.medium": 4, "db.t4g.large": 8, "db.t4g.xlarge": 16,
	"db.m5.large": 8, "db.m6i.large": 8,
	"db.m6g.large": 8, "db.m6g.xlarge": 16,
	"db.m7g.large": 8, "db.m7g.xlarge": 16, "db.m7g.2xlarge": 32,
	"db.r6g.large": 16, "db.r7g.large": 16, "db.r7g.xlarge": 32,
}

// vCPUs of every class above (AWS's DB instance class table,
// https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Summary.html):
// RDS Proxy bills by the vCPUs of the instance behind it (internal/ops/cost).
var vCPUs = map[string]int{
	"db.t3.micro": 2, "db.t3.small": 2, "db.t3.medium": 2,
	"db.t4g.micro": 2, "db.t4g.small": 2, "db.t4g.medium": 2, "db.t4g.large": 2, "db.t4g.xlarge": 4,
	"db.m5.large": 2, "db.m6i.large": 2,
	"db.m6g.large": 2, "db.m6g.xlarge": 4,
	"db.m7g.large": 2, "db.m7g.xlarge": 4, "db.m7g.2xlarge": 8,
	"db.r6g.large": 2, "db.r7g.large": 2, "db.r7g.xlarge": 4,
}

// VCPUs returns the class's vCPUs.
func VCPUs(class string) (int, bool) {
	n, ok := vCPUs[class]
	return n, ok
}

// bytesPerConnection is the divisor of RDS for PostgreSQL's default
// parameter group: max_connections = LEAST({DBInstanceClassMemory/9531392}, 5000).
const bytesPerConnection = 9531392

// limit is the formula's cap.
const limit = 5000

// MemoryGiB returns the class's nominal memory.
func MemoryGiB(class string) (float64, bool) {
	g, ok := memoryGiB[class]
	return g, ok
}

// MaxConnections is RDS's default max_connections for the class. It uses the
// nominal memory; DBInstanceClassMemory is somewhat lower (RDS subtracts what
// the OS and its agents use), so the real limit is a little below this and a
// budget held to 80 % of it keeps that margin.
func MaxConnections(class string) (int, error) {
	gib, ok := memoryGiB[class]
	if !ok {
		return 0, fmt.Errorf("instance class %q: memory unknown, add it to internal/rdsclass", class)
	}
	n := int(gib * (1 << 30) / bytesPerConnection)
	return min(n, limit), nil
}

// Classes lists the known classes, sorted.
func Classes() []string {
	return slices.Sorted(maps.Keys(memoryGiB))
}
