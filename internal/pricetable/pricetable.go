// Package pricetable holds the committed AWS price table: the cost estimate
// prices what the stacks create with it, and configuration validation takes
// its instance types as the known ones, so a misspelt type fails at synth
// time. A leaf package, so both can import it.
package pricetable

import (
	_ "embed"
	"encoding/json"
	"fmt"
)

// USEast1 is prices_us-east-1.json.
//
//go:embed prices_us-east-1.json
var USEast1 []byte

// File names the table for messages.
const File = "internal/pricetable/prices_us-east-1.json"

// KnownInstanceTypes are the EC2 instance types and RDS instance classes
// the table prices.
func KnownInstanceTypes() (ec2, rds map[string]bool) {
	var t struct {
		EC2 struct {
			USD map[string]float64 `json:"usd"`
		} `json:"ec2_hour"`
		RDS struct {
			USD map[string]float64 `json:"usd"`
		} `json:"rds_hour"`
	}
	if err := json.Unmarshal(USEast1, &t); err != nil {
		panic(fmt.Sprintf("embedded price table: %v", err))
	}
	ec2, rds = map[string]bool{}, map[string]bool{}
	for k := range t.EC2.USD {
		ec2[k] = true
	}
	for k := range t.RDS.USD {
		rds[k] = true
	}
	return ec2, rds
}

// Shape is an instance type's vCPUs and GiB of memory.
type Shape [2]int

// Shapes are the shapes of the EC2 instance types the table lists.
func Shapes() map[string]Shape {
	var t struct {
		Shape struct {
			VCPUGiB map[string]Shape `json:"vcpu_gib"`
		} `json:"ec2_shape"`
	}
	if err := json.Unmarshal(USEast1, &t); err != nil {
		panic(fmt.Sprintf("embedded price table: %v", err))
	}
	return t.Shape.VCPUGiB
}
