// Package awsfake is a small in-process stand-in for AWS Secrets Manager,
// speaking the real wire protocol (JSON 1.1 over HTTP POST, operation in the
// X-Amz-Target header, SigV4-signed requests) so tests can drive the real AWS
// SDK against it: the SDK builds, signs and parses every request exactly as it
// would against AWS. It keeps version stages (AWSCURRENT, AWSPREVIOUS) the way
// Secrets Manager does, because the operations tooling relies on them for
// idempotency and rollback.
//
// By default signatures are not verified; each request's access key id,
// region and service are recorded from the Authorization header so tests can
// assert the SDK signed it. With IAM set, requests must be signed with a key
// IAM knows (an operator key, or temporary credentials STS issued) and are
// authorized against the assumed role's policy, as in AWS.
package awsfake

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
)

// Stage labels Secrets Manager attaches to versions.
const (
	StageCurrent  = "AWSCURRENT"
	StagePrevious = "AWSPREVIOUS"
)

// Request is one recorded API call.
type Request struct {
	// Op is the operation, e.g. "GetSecretValue".
	Op string
	// SecretID is the SecretId (or Name for CreateSecret) the call named.
	SecretID string
	// AccessKeyID, Region and Service come from the SigV4 credential scope.
	AccessKeyID, Region, Service string
	// RoleARN is the role whose temporary credentials signed the call (IAM set).
	RoleARN string
	// Error is the exception type returned, empty on success.
	Error string
}

type version struct {
	id      string
	value   string
	binary  []byte
	stages  map[string]bool
	created time.Time
	token   string
}

type secret struct {
	name     string
	arn      string
	kmsKeyID string
	created  time.Time
	changed  time.Time
	deleted  *time.Time
	versions []*version
}

// SecretsManager is the fake service. The zero value is not usable; call New.
type SecretsManager struct {
	Region  string
	Account string
	// IAM, when set, authenticates and authorizes every request.
	IAM *IAM

	mu       sync.Mutex
	secrets  map[string]*secret // by name
	requests []Request
	now      func() time.Time
}

// New returns an empty fake for region and account.
func New(region, account string) *SecretsManager {
	return &SecretsManager{Region: region, Account: account, secrets: map[string]*secret{}, now: time.Now}
}

// AddContainer creates a secret without any version, the way the
// infrastructure creates them (aws_secretsmanager_secret with no value).
// It returns the secret's ARN.
func (s *SecretsManager) AddContainer(name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.create(name).arn
}

// AddContainerWithARN is AddContainer for a secret whose ARN is already
// known (the RDS-managed master secret, or one the outputs file names).
func (s *SecretsManager) AddContainerWithARN(name, arn string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.create(name).arn = arn
}

// PutValue makes value the AWSCURRENT version of an existing secret (named
// by name or ARN), the way an operator's PutSecretValue does.
func (s *SecretsManager) PutValue(id, value string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	sec := s.lookup(id)
	if sec == nil {
		return fmt.Errorf("awsfake: no secret %q", id)
	}
	s.put(sec, value, nil, "", []string{StageCurrent})
	return nil
}

// AddSecret creates a secret whose AWSCURRENT version holds value.
func (s *SecretsManager) AddSecret(name, value string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	sec := s.create(name)
	s.put(sec, value, nil, "", []string{StageCurrent})
	return sec.arn
}

// MarkDeleted schedules a secret for deletion (it then refuses reads and writes).
func (s *SecretsManager) MarkDeleted(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sec := s.secrets[name]; sec != nil {
		t := s.now()
		sec.deleted = &t
	}
}

// Current returns the AWSCURRENT value of a secret (named by name or ARN)
// and whether there is one.
func (s *SecretsManager) Current(id string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sec := s.lookup(id)
	if sec == nil {
		return "", false
	}
	v := sec.staged(StageCurrent)
	if v == nil {
		return "", false
	}
	return v.value, true
}

// Versions returns how many versions a secret has.
func (s *SecretsManager) Versions(name string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sec := s.secrets[name]; sec != nil {
		return len(sec.versions)
	}
	return 0
}

// Requests returns a copy of every call recorded so far.
func (s *SecretsManager) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Count returns how many recorded calls used op.
func (s *SecretsManager) Count(op string) int {
	n := 0
	for _, r := range s.Requests() {
		if r.Op == op {
			n++
		}
	}
	return n
}

func (s *SecretsManager) create(name string) *secret {
	suffix := make([]byte, 3)
	_, _ = rand.Read(suffix)
	t := s.now()
	sec := &secret{
		name:    name,
		arn:     fmt.Sprintf("arn:aws:secretsmanager:%s:%s:secret:%s-%s", s.Region, s.Account, name, hex.EncodeToString(suffix)),
		created: t,
		changed: t,
	}
	s.secrets[name] = sec
	return sec
}

func (sec *secret) staged(stage string) *version {
	for _, v := range sec.versions {
		if v.stages[stage] {
			return v
		}
	}
	return nil
}

func (s *SecretsManager) put(sec *secret, value string, binary []byte, token string, stages []string) *version {
	if token == "" {
		token = newUUID()
	}
	v := &version{id: token, token: token, value: value, binary: binary, stages: map[string]bool{}, created: s.now()}
	for _, st := range stages {
		if st == StageCurrent {
			if old := sec.staged(StageCurrent); old != nil {
				// Secrets Manager moves AWSPREVIOUS to the version that loses AWSCURRENT.
				if prev := sec.staged(StagePrevious); prev != nil {
					delete(prev.stages, StagePrevious)
				}
				delete(old.stages, StageCurrent)
				old.stages[StagePrevious] = true
			}
		} else {
			for _, other := range sec.versions {
				delete(other.stages, st)
			}
		}
		v.stages[st] = true
	}
	sec.versions = append(sec.versions, v)
	sec.changed = s.now()
	return v
}

// ServeHTTP implements http.Handler.
func (s *SecretsManager) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	target := r.Header.Get("X-Amz-Target")
	op, ok := strings.CutPrefix(target, "secretsmanager.")
	rec := Request{Op: op}
	rec.AccessKeyID, rec.Region, rec.Service = credentialScope(r.Header.Get("Authorization"))
	body, _ := io.ReadAll(r.Body)
	var in map[string]any
	_ = json.Unmarshal(body, &in)
	rec.SecretID, _ = in["SecretId"].(string)
	if op == "CreateSecret" {
		rec.SecretID, _ = in["Name"].(string)
	}

	var out any
	var errType, msg string
	var principal *Principal
	if s.IAM != nil {
		p, err := s.IAM.Authenticate(r, body)
		if err != nil {
			errType, msg = err.(*DeniedError).Type, err.(*DeniedError).Message
		}
		principal, rec.RoleARN = &p, p.RoleARN
	}
	if errType == "" {
		out, errType, msg = s.dispatch(r, ok, op, rec, in, principal)
	}
	rec.Error = errType
	s.mu.Lock()
	s.requests = append(s.requests, rec)
	s.mu.Unlock()
	if errType != "" {
		writeError(w, errType, msg)
		return
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Header().Set("X-Amzn-RequestId", newUUID())
	_ = json.NewEncoder(w).Encode(out)
}

func (s *SecretsManager) dispatch(r *http.Request, ok bool, op string, rec Request, in map[string]any, principal *Principal) (any, string, string) {
	if r.Method != http.MethodPost || !ok {
		return nil, "UnknownOperationException", "not a Secrets Manager request"
	}
	if rec.AccessKeyID == "" || rec.Service != "secretsmanager" {
		return nil, "MissingAuthenticationTokenException", "request is not SigV4-signed for secretsmanager"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	str := func(k string) string { v, _ := in[k].(string); return v }
	// authorize checks principal against the resource, as IAM evaluates a
	// request after authentication; nil principal means IAM is off.
	authorize := func(resource string) (string, string) {
		if principal == nil {
			return "", ""
		}
		if err := s.IAM.Authorize(*principal, "secretsmanager:"+op, resource); err != nil {
			return err.(*DeniedError).Type, err.(*DeniedError).Message
		}
		return "", ""
	}
	if op == "CreateSecret" || op == "ListSecrets" {
		if t, m := authorize("*"); t != "" {
			return nil, t, m
		}
	}
	if op == "CreateSecret" {
		name := str("Name")
		if s.secrets[name] != nil {
			return nil, "ResourceExistsException", "The operation failed because the secret " + name + " already exists."
		}
		sec := s.create(name)
		sec.kmsKeyID = str("KmsKeyId")
		out := map[string]any{"ARN": sec.arn, "Name": sec.name}
		if v, has := in["SecretString"].(string); has {
			ver := s.put(sec, v, nil, str("ClientRequestToken"), []string{StageCurrent})
			out["VersionId"] = ver.id
		}
		return out, "", ""
	}
	if op == "ListSecrets" {
		names := make([]string, 0, len(s.secrets))
		for n := range s.secrets {
			names = append(names, n)
		}
		sort.Strings(names)
		list := []map[string]any{}
		for _, n := range names {
			sec := s.secrets[n]
			list = append(list, map[string]any{"ARN": sec.arn, "Name": sec.name, "CreatedDate": epoch(sec.created), "SecretVersionsToStages": stagesOf(sec)})
		}
		return map[string]any{"SecretList": list}, "", ""
	}
	sec := s.lookup(rec.SecretID)
	resource := rec.SecretID
	if sec != nil {
		resource = sec.arn
	} else if !strings.HasPrefix(resource, "arn:") {
		resource = fmt.Sprintf("arn:aws:secretsmanager:%s:%s:secret:%s", s.Region, s.Account, rec.SecretID)
	}
	// AWS authorizes before it looks: a caller without access learns nothing
	// about whether the secret exists.
	if t, m := authorize(resource); t != "" {
		return nil, t, m
	}
	if sec == nil {
		return nil, "ResourceNotFoundException", "Secrets Manager can't find the specified secret."
	}
	if sec.deleted != nil && op != "DescribeSecret" {
		return nil, "InvalidRequestException", "You can't perform this operation on the secret because it was marked for deletion."
	}
	switch op {
	case "DescribeSecret":
		out := map[string]any{
			"ARN": sec.arn, "Name": sec.name, "CreatedDate": epoch(sec.created),
			"LastChangedDate": epoch(sec.changed), "VersionIdsToStages": stagesOf(sec),
		}
		if sec.kmsKeyID != "" {
			out["KmsKeyId"] = sec.kmsKeyID
		}
		if sec.deleted != nil {
			out["DeletedDate"] = epoch(*sec.deleted)
		}
		return out, "", ""
	case "GetSecretValue":
		var v *version
		if id := str("VersionId"); id != "" {
			for _, c := range sec.versions {
				if c.id == id {
					v = c
				}
			}
		} else {
			stage := str("VersionStage")
			if stage == "" {
				stage = StageCurrent
			}
			v = sec.staged(stage)
		}
		if v == nil {
			return nil, "ResourceNotFoundException", "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT"
		}
		out := map[string]any{"ARN": sec.arn, "Name": sec.name, "VersionId": v.id, "VersionStages": keys(v.stages), "CreatedDate": epoch(v.created)}
		if v.binary != nil {
			out["SecretBinary"] = v.binary
		} else {
			out["SecretString"] = v.value
		}
		return out, "", ""
	case "PutSecretValue":
		value, hasString := in["SecretString"].(string)
		_, hasBinary := in["SecretBinary"]
		if !hasString && !hasBinary {
			return nil, "InvalidParameterException", "You must provide either SecretString or SecretBinary."
		}
		token := str("ClientRequestToken")
		for _, v := range sec.versions {
			if token != "" && v.token == token {
				if v.value != value {
					return nil, "ResourceExistsException", "You can't modify an existing version, you can only create a new version."
				}
				return map[string]any{"ARN": sec.arn, "Name": sec.name, "VersionId": v.id, "VersionStages": keys(v.stages)}, "", ""
			}
		}
		stages := []string{StageCurrent}
		if raw, has := in["VersionStages"].([]any); has && len(raw) > 0 {
			stages = stages[:0]
			for _, st := range raw {
				if s, ok := st.(string); ok {
					stages = append(stages, s)
				}
			}
		}
		v := s.put(sec, value, nil, token, stages)
		return map[string]any{"ARN": sec.arn, "Name": sec.name, "VersionId": v.id, "VersionStages": keys(v.stages)}, "", ""
	}
	return nil, "InvalidRequestException", "awsfake: unsupported operation " + op
}

// lookup resolves a SecretId given as a name or a full ARN.
func (s *SecretsManager) lookup(id string) *secret {
	if sec := s.secrets[id]; sec != nil {
		return sec
	}
	for _, sec := range s.secrets {
		if sec.arn == id {
			return sec
		}
	}
	return nil
}

func stagesOf(sec *secret) map[string][]string {
	m := map[string][]string{}
	for _, v := range sec.versions {
		if len(v.stages) > 0 {
			m[v.id] = keys(v.stages)
		}
	}
	return m
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func epoch(t time.Time) float64 { return float64(t.UnixMilli()) / 1000 }

var scopeRe = regexp.MustCompile(`^AWS4-HMAC-SHA256 Credential=([^/]+)/\d{8}/([^/]+)/([^/]+)/aws4_request`)

func credentialScope(auth string) (akid, region, service string) {
	m := scopeRe.FindStringSubmatch(auth)
	if m == nil {
		return "", "", ""
	}
	return m[1], m[2], m[3]
}

func writeError(w http.ResponseWriter, errType, msg string) {
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Header().Set("X-Amzn-ErrorType", errType)
	w.Header().Set("X-Amzn-RequestId", newUUID())
	w.WriteHeader(http.StatusBadRequest)
	_ = json.NewEncoder(w).Encode(map[string]string{"__type": errType, "Message": msg})
}

func newUUID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}
