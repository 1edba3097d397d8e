package config

// WorkloadsConfig sizes the Kubernetes workloads of an environment.
// (Owned by the Kubernetes half; extended there.)
type WorkloadsConfig struct{}

// Validate checks the workload sizing.
func (w WorkloadsConfig) Validate(prod bool) error { return nil }

func devWorkloads() WorkloadsConfig  { return WorkloadsConfig{} }
func prodWorkloads() WorkloadsConfig { return WorkloadsConfig{} }
