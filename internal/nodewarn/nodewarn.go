// Package nodewarn keeps jsii's Node.js end-of-life banner out of normal
// output on the Node major this project's machines ship (20), using the
// switch jsii provides for exactly that. Any other unsupported Node version
// still gets the warning. Node 22 is the recommended runtime.
package nodewarn

import "os"

// Variable is the jsii switch; its value lists Node majors to keep quiet about.
const Variable = "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"

// Silence sets the switch for Node 20 unless the user set it, for the Node
// processes started after it. In a program whose imported packages register
// jsii types at init (every cdk8s/CDKTF program), the kernel's environment
// is fixed before main runs, so there it does not help: the Makefile exports
// the switch instead.
func Silence() {
	if _, set := os.LookupEnv(Variable); !set {
		os.Setenv(Variable, "20")
	}
}
