package rdsclass

import (
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/pricetable"
)

func TestMaxConnections(t *testing.T) {
	for class, want := range map[string]int{"db.t4g.micro": 112, "db.m7g.large": 901, "db.r7g.xlarge": 3604} {
		got, err := MaxConnections(class)
		if err != nil || got != want {
			t.Errorf("%s: %d, %v; want %d", class, got, err, want)
		}
	}
	if _, err := MaxConnections("db.x9.huge"); err == nil {
		t.Error("an unknown class must be an error, not a guess")
	}
}

// Every class the price table offers has a connection limit, so no
// environment can pick a class the capacity model cannot budget.
func TestEveryPricedClassIsKnown(t *testing.T) {
	_, rds := pricetable.KnownInstanceTypes()
	for class := range rds {
		if _, ok := MemoryGiB(class); !ok {
			t.Errorf("%s is priced but its memory is unknown", class)
		}
	}
}

// Every class with a memory size has a vCPU count (the RDS Proxy estimate).
func TestEveryClassHasVCPUs(t *testing.T) {
	for _, class := range Classes() {
		if n, ok := VCPUs(class); !ok || n < 2 {
			t.Errorf("%s: %d vCPUs (%v)", class, n, ok)
		}
	}
	if len(vCPUs) != len(memoryGiB) {
		t.Errorf("%d classes with vCPUs, %d with memory", len(vCPUs), len(memoryGiB))
	}
}
