# supabase-eks: every workflow is a make target. `make help` lists them.
# Per-area targets live in mk/*.mk; this file holds the shared settings and
# the synth/test entry points.
SHELL       := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

ENV        ?= dev
ENVS       ?= dev prod
GO         ?= go
BIN        := $(CURDIR)/bin
# Versioned cache of validators and build artifacts (make tools fills it).
CACHE_DIR  ?= $(HOME)/.cache/supabase-eks
TOOLS_DIR  ?= $(CACHE_DIR)/tools
# Outputs of a real deployment (written by `make outputs`); synth falls back
# to the committed examples when absent.
OUTPUTS_DIR ?= $(CURDIR)/outputs
export CHECKPOINT_DISABLE := 1
# jsii prints a Node end-of-life banner on Node 20 at every start. The Go
# programs cannot silence it themselves: jsii-runtime-go builds the Node
# process's environment while the generated packages register their types at
# init, before main runs. So the switch is exported here (see internal/nodewarn).
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION ?= 20

.PHONY: help
# Targets by area: each mk/*.mk names its area on a `#>` line.
help: ## List targets by area
	@for f in $(sort $(wildcard mk/*.mk)); do \
	  awk 'FNR==1 && /^#> /{print substr($$0,4)":"} /^[a-zA-Z0-9_-]+:.*?## /{split($$0,p,":.*?## "); t=p[1]; sub(/:.*/,"",t); printf "  %-21s %s\n",t,p[2]}' $$f; echo; \
	done; echo "Other:"; grep -hE '^[a-zA-Z0-9_-]+:.*?## ' Makefile | awk 'BEGIN{FS=":.*?## "}{printf "  %-21s %s\n",$$1,$$2}'

include $(sort $(wildcard mk/*.mk))
