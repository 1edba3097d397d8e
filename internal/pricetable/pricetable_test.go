package pricetable

import "testing"

// Every EC2 type the table prices has a shape, so node-group validation
// never passes a type it cannot compare.
func TestEveryEC2TypeHasAShape(t *testing.T) {
	ec2, rds := KnownInstanceTypes()
	shapes := Shapes()
	if len(ec2) == 0 || len(rds) == 0 {
		t.Fatal("the table lists no instance types")
	}
	for it := range ec2 {
		s, ok := shapes[it]
		if !ok || s[0] < 1 || s[1] < 1 {
			t.Errorf("%s has no vCPU/GiB shape in ec2_shape", it)
		}
	}
	for it := range shapes {
		if !ec2[it] {
			t.Errorf("%s has a shape but no price", it)
		}
	}
}
