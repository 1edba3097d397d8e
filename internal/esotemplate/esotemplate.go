// Package esotemplate renders External Secrets Operator templates (engine
// v2) the way the controller does, for the tests and harnesses that need a
// Secret's values without running the controller: the template checks of
// k8s/synth and the runtime conformance harness.
package esotemplate

import (
	"bytes"
	"errors"
	"fmt"
	"text/template"

	"github.com/Masterminds/sprig/v3"
)

// Funcs is the function set of External Secrets' v2 template engine
// (pkg/template/v2 in v0.16.2): sprig's text functions without env and
// expandenv, plus ESO's own certificate and YAML helpers. Those helpers are
// not emulated; they are declared so that a template using one parses and
// then fails by name, instead of passing unchecked.
func Funcs() template.FuncMap {
	f := sprig.TxtFuncMap()
	delete(f, "env")
	delete(f, "expandenv")
	for _, name := range []string{
		"pkcs12key", "pkcs12keyPass", "pkcs12cert", "pkcs12certPass",
		"pemToPkcs12", "pemToPkcs12Pass", "fullPemToPkcs12", "fullPemToPkcs12Pass",
		"filterPEM", "filterCertChain", "jwkPublicKeyPem", "jwkPrivateKeyPem",
		"toYaml", "fromYaml",
	} {
		f[name] = func(...any) (string, error) {
			return "", errors.New(name + " is an ESO function this renderer does not emulate")
		}
	}
	return f
}

// Execute renders one template the way ESO does: missing variables are an
// error, every variable is a string.
func Execute(name, text string, vars map[string]string) (string, error) {
	tpl, err := template.New(name).Option("missingkey=error").Funcs(Funcs()).Parse(text)
	if err != nil {
		return "", fmt.Errorf("parse: %w", err)
	}
	var b bytes.Buffer
	if err := tpl.Execute(&b, vars); err != nil {
		return "", fmt.Errorf("execute: %w", err)
	}
	return b.String(), nil
}
