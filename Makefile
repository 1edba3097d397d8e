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
help: ## List targets
	@grep -hE '^[a-zA-Z0-9_-]+:.*?## ' $(MAKEFILE_LIST) | sort | awk 'BEGIN{FS=":.*?## "}{printf "  %-16s %s\n",$$1,$$2}'

include $(sort $(wildcard mk/*.mk))
