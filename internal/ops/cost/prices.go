// Package cost estimates an environment's monthly AWS bill from its
// synthesized Terraform JSON (cdktf.out/stacks/supabase-<env>/cdk.tf.json)
// and a price table committed next to this file. It counts what the
// configuration really creates, so a change to a node group or the NAT mode
// shows up in the estimate of the same commit.
package cost

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/supabase-eks/supabase-eks/internal/pricetable"
)

var usEast1 = pricetable.USEast1

// Price is one list price.
type Price struct {
	USD    float64 `json:"usd"`
	Unit   string  `json:"unit"`
	Source string  `json:"source"`
	Note   string  `json:"note,omitempty"`
}

// HourlyTable prices instance types by the hour.
type HourlyTable struct {
	Source string             `json:"source"`
	Note   string             `json:"note,omitempty"`
	USD    map[string]float64 `json:"usd"`
}

// Usage holds the traffic-dependent assumptions: what the infrastructure
// cannot tell (bytes through NAT, log volume, load balancer capacity units).
type Usage struct {
	// SpotPriceRatio is the assumed spot price as a fraction of on-demand.
	SpotPriceRatio float64            `json:"spot_price_ratio"`
	ALBLCU         float64            `json:"alb_lcu"`
	NATGB          float64            `json:"nat_gb"`
	LogIngestGB    map[string]float64 `json:"log_ingest_gb"`
	S3GB           float64            `json:"s3_gb"`
	// AccessLogGB is the access logs stored at the retention kept: the
	// ALB's (gzip, some 50 bytes a request) and the storage buckets' S3
	// server access logs (plain text, some 400 bytes an object request).
	// Prod's 10 GB is about 20 API requests and 1 object request a second
	// kept 90 days.
	AccessLogGB float64 `json:"access_log_gb"`
}

// Table is the committed price table.
type Table struct {
	Region        string           `json:"region"`
	Currency      string           `json:"currency"`
	AsOf          string           `json:"as_of"`
	FetchedLive   bool             `json:"fetched_live"`
	Note          string           `json:"note"`
	HoursPerMonth float64          `json:"hours_per_month"`
	Prices        map[string]Price `json:"prices"`
	EC2           HourlyTable      `json:"ec2_hour"`
	RDS           HourlyTable      `json:"rds_hour"`
	Usage         map[string]Usage `json:"usage"`
}

// requiredPrices are the keys Estimate reads.
var requiredPrices = []string{
	"eks_cluster_hour", "ebs_gp3_gb_month", "nat_gateway_hour", "nat_gateway_gb", "public_ipv4_hour",
	// The connection pooler's NLB and the RDS Proxy alternative.
	"nlb_hour", "nlb_nlcu_hour", "rds_proxy_vcpu_hour",
	"interface_endpoint_hour", "alb_hour", "alb_lcu_hour", "rds_gp3_gb_month", "rds_gp3_iops_month",
	"kms_key_month", "secret_month", "cw_logs_ingest_gb", "cw_logs_storage_gb_month", "cw_alarm_month",
	"container_insights_node_month", "s3_standard_gb_month", "backup_rds_gb_month", "backup_s3_gb_month",
}

// LoadTable returns the committed table for region.
func LoadTable(region string) (*Table, error) {
	if region != "us-east-1" {
		return nil, fmt.Errorf("no price table for region %s (only us-east-1 is committed; add internal/pricetable/prices_%s.json)", region, region)
	}
	return ParseTable(usEast1)
}

// ParseTable decodes and checks a price table.
func ParseTable(data []byte) (*Table, error) {
	var t Table
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("price table: %w", err)
	}
	var missing []string
	for _, k := range requiredPrices {
		p, ok := t.Prices[k]
		if !ok || p.USD <= 0 || p.Source == "" {
			missing = append(missing, k)
		}
	}
	sort.Strings(missing)
	switch {
	case len(missing) > 0:
		return nil, fmt.Errorf("price table: missing or unsourced prices %v", missing)
	case t.Region == "" || t.AsOf == "" || t.HoursPerMonth <= 0:
		return nil, fmt.Errorf("price table: region, as_of and hours_per_month are required")
	case t.EC2.Source == "" || t.RDS.Source == "":
		return nil, fmt.Errorf("price table: ec2_hour and rds_hour need a source")
	case t.Usage["default"].LogIngestGB == nil || t.Usage["default"].SpotPriceRatio <= 0 || t.Usage["default"].SpotPriceRatio > 1:
		return nil, fmt.Errorf("price table: usage.default is required")
	}
	return &t, nil
}

// UsageFor returns the assumptions for an environment (falling back to default).
func (t *Table) UsageFor(env string) Usage {
	if u, ok := t.Usage[env]; ok {
		return u
	}
	return t.Usage["default"]
}
