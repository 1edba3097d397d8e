// Package kongsim runs requests through a rendered Kong declarative config
// the way Kong 3.9 handles them up to the upstream: route by the longest
// path prefix, then key-auth, acl and request-transformer in Kong's plugin
// priority order. request-transformer's templates are evaluated as Kong
// does, as Lua in a sandbox holding only headers, query_params,
// uri_captures and shared, here in gopher-lua (Lua 5.1, the language
// level of Kong's LuaJIT). Kong itself cannot run here; this is what the
// gateway does with API keys, checked from the rendered artifact.
package kongsim

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	lua "github.com/yuin/gopher-lua"
	"sigs.k8s.io/yaml"
)

// Config is the part of the declarative config (format 3.0) that decides
// what reaches an upstream.
type Config struct {
	Consumers []struct {
		Username           string `json:"username"`
		KeyauthCredentials []struct {
			Key string `json:"key"`
		} `json:"keyauth_credentials"`
	} `json:"consumers"`
	ACLs []struct {
		Consumer string `json:"consumer"`
		Group    string `json:"group"`
	} `json:"acls"`
	Services []Service `json:"services"`
}

// Service is a declarative service with its routes and plugins.
type Service struct {
	Name   string `json:"name"`
	URL    string `json:"url"`
	Routes []struct {
		Name      string   `json:"name"`
		Paths     []string `json:"paths"`
		StripPath bool     `json:"strip_path"`
	} `json:"routes"`
	Plugins []Plugin `json:"plugins"`
}

// Plugin is one plugin entry.
type Plugin struct {
	Name   string          `json:"name"`
	Config json.RawMessage `json:"config"`
}

// Parse reads a rendered kong.yml.
func Parse(text string) (*Config, error) {
	var c Config
	if err := yaml.Unmarshal([]byte(text), &c); err != nil {
		return nil, fmt.Errorf("kong.yml: %w", err)
	}
	return &c, nil
}

// Request is what a client sends; header names are case-insensitive.
type Request struct {
	Path    string
	Headers map[string]string
	Query   map[string]string
}

// Result is Kong's answer: Status 0 means proxied, with what the upstream
// receives; otherwise Kong answered itself.
type Result struct {
	Status   int
	Message  string
	Service  string
	Consumer string
	// Headers are lower-cased; Query as forwarded.
	Headers map[string]string
	Query   map[string]string
}

// priority is Kong's plugin execution order (higher first) for the plugins
// that act on a proxied request; others pass through unchanged here.
var priority = map[string]int{"key-auth": 1250, "acl": 950, "request-transformer": 801}

// Do runs r through the config.
func (c *Config) Do(r Request) (Result, error) {
	svc, ok := c.route(r.Path)
	if !ok {
		return Result{Status: 404, Message: "no Route matched"}, nil
	}
	res := Result{Service: svc.Name, Headers: map[string]string{}, Query: map[string]string{}}
	for k, v := range r.Headers {
		res.Headers[strings.ToLower(k)] = v
	}
	for k, v := range r.Query {
		res.Query[k] = v
	}
	plugins := slices.Clone(svc.Plugins)
	sort.SliceStable(plugins, func(i, j int) bool { return priority[plugins[i].Name] > priority[plugins[j].Name] })
	for _, p := range plugins {
		var err error
		switch p.Name {
		case "key-auth":
			err = c.keyAuth(p, &res)
		case "acl":
			err = c.acl(p, &res)
		case "request-transformer":
			err = requestTransformer(p, &res)
		case "cors", "prometheus":
			// No effect on what reaches the upstream.
		default:
			err = fmt.Errorf("not emulated")
		}
		if err != nil {
			return res, fmt.Errorf("service %s, plugin %s: %w", svc.Name, p.Name, err)
		}
		if res.Status != 0 {
			return res, nil
		}
	}
	return res, nil
}

// route picks the service whose route has the longest path prefix of path.
func (c *Config) route(path string) (Service, bool) {
	best, bestLen := Service{}, -1
	for _, s := range c.Services {
		for _, rt := range s.Routes {
			for _, p := range rt.Paths {
				if strings.HasPrefix(path, p) && len(p) > bestLen {
					best, bestLen = s, len(p)
				}
			}
		}
	}
	return best, bestLen >= 0
}

type keyAuthConfig struct {
	KeyNames        []string `json:"key_names"`
	HideCredentials bool     `json:"hide_credentials"`
	KeyInHeader     *bool    `json:"key_in_header"`
	KeyInQuery      *bool    `json:"key_in_query"`
	KeyInBody       bool     `json:"key_in_body"`
}

// keyAuth finds the credential in a header, then the query string (Kong's
// defaults: key_names [apikey], header and query on, body off).
func (c *Config) keyAuth(p Plugin, res *Result) error {
	var cfg keyAuthConfig
	if len(p.Config) > 0 {
		if err := json.Unmarshal(p.Config, &cfg); err != nil {
			return err
		}
	}
	if cfg.KeyInBody {
		return fmt.Errorf("key_in_body is not emulated")
	}
	if len(cfg.KeyNames) == 0 {
		cfg.KeyNames = []string{"apikey"}
	}
	inHeader, inQuery := cfg.KeyInHeader == nil || *cfg.KeyInHeader, cfg.KeyInQuery == nil || *cfg.KeyInQuery
	var key string
	var found bool
	for _, name := range cfg.KeyNames {
		if v, ok := res.Headers[strings.ToLower(name)]; ok && inHeader {
			key, found = v, true
			if cfg.HideCredentials {
				delete(res.Headers, strings.ToLower(name))
			}
			break
		}
		if v, ok := res.Query[name]; ok && inQuery {
			key, found = v, true
			if cfg.HideCredentials {
				delete(res.Query, name)
			}
			break
		}
	}
	if !found || key == "" {
		res.Status, res.Message = 401, "No API key found in request"
		return nil
	}
	for _, cons := range c.Consumers {
		for _, cred := range cons.KeyauthCredentials {
			if cred.Key == key {
				res.Consumer = cons.Username
				return nil
			}
		}
	}
	res.Status, res.Message = 401, "Invalid authentication credentials"
	return nil
}

func (c *Config) acl(p Plugin, res *Result) error {
	var cfg struct {
		Allow []string `json:"allow"`
		Deny  []string `json:"deny"`
	}
	if err := json.Unmarshal(p.Config, &cfg); err != nil {
		return err
	}
	if len(cfg.Deny) > 0 {
		return fmt.Errorf("acl deny lists are not emulated")
	}
	for _, a := range c.ACLs {
		if a.Consumer == res.Consumer && slices.Contains(cfg.Allow, a.Group) {
			return nil
		}
	}
	res.Status, res.Message = 403, "You cannot consume this service"
	return nil
}

type transform struct {
	Headers     []string `json:"headers"`
	Querystring []string `json:"querystring"`
	Body        []string `json:"body"`
}

// requestTransformer applies remove, replace and add (in Kong's order:
// remove, rename, replace, add, append) to headers and the query string.
// Values are rendered against the request as it arrived, like Kong does.
func requestTransformer(p Plugin, res *Result) error {
	var cfg map[string]transform
	if err := json.Unmarshal(p.Config, &cfg); err != nil {
		return err
	}
	for op, t := range cfg {
		if op != "remove" && op != "replace" && op != "add" {
			return fmt.Errorf("%s is not emulated", op)
		}
		if len(t.Body) > 0 {
			return fmt.Errorf("%s.body is not emulated", op)
		}
	}
	env := sandbox{headers: maps(res.Headers), query: maps(res.Query)}
	for _, pair := range cfg["remove"].Headers {
		delete(res.Headers, strings.ToLower(pair))
	}
	for _, pair := range cfg["remove"].Querystring {
		delete(res.Query, pair)
	}
	for _, op := range []string{"replace", "add"} {
		for _, pair := range cfg[op].Headers {
			name, value, err := env.render(pair)
			if err != nil {
				return err
			}
			_, present := res.Headers[strings.ToLower(name)]
			if present == (op == "replace") {
				res.Headers[strings.ToLower(name)] = value
			}
		}
		for _, pair := range cfg[op].Querystring {
			name, value, err := env.render(pair)
			if err != nil {
				return err
			}
			_, present := res.Query[name]
			if present == (op == "replace") {
				res.Query[name] = value
			}
		}
	}
	return nil
}

func maps(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// sandbox is the template environment of one request.
type sandbox struct {
	headers, query map[string]string
}

// render splits "name:value" as Kong does (at the first colon) and
// evaluates each $(...) of the value.
func (s sandbox) render(pair string) (string, string, error) {
	name, value, ok := strings.Cut(pair, ":")
	if !ok || name == "" {
		return "", "", fmt.Errorf("%q is not name:value", pair)
	}
	value = strings.TrimLeft(value, ":")
	var out strings.Builder
	for {
		i := strings.Index(value, "$(")
		if i < 0 {
			out.WriteString(value)
			return name, out.String(), nil
		}
		out.WriteString(value[:i])
		end, err := closing(value, i+1)
		if err != nil {
			return "", "", fmt.Errorf("%s: %w", name, err)
		}
		v, err := s.eval(value[i+2 : end])
		if err != nil {
			return "", "", fmt.Errorf("%s: %w", name, err)
		}
		out.WriteString(v)
		value = value[end+1:]
	}
}

// closing finds the parenthesis closing the one at open the way Kong's
// template engine (Penlight, pattern "%b()") does: by counting every
// parenthesis, inside Lua strings too.
func closing(s string, open int) (int, error) {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i, nil
			}
		}
	}
	return 0, fmt.Errorf("unbalanced parentheses in %q", s[open:])
}

// eval runs one template expression in a fresh Lua state whose only
// globals are the four Kong exposes to templates in its sandbox, and
// renders the result as Penlight does (the expression, or an empty
// string when it yields nil or false, through tostring).
func (s sandbox) eval(expr string) (string, error) {
	L := lua.NewState(lua.Options{SkipOpenLibs: true})
	defer L.Close()
	// String methods (:sub) come from the string library's metatable.
	for _, lib := range []struct {
		name string
		fn   lua.LGFunction
	}{{lua.BaseLibName, lua.OpenBase}, {lua.StringLibName, lua.OpenString}} {
		L.Push(L.NewFunction(lib.fn))
		L.Push(lua.LString(lib.name))
		L.Call(1, 0)
	}
	fn, err := L.LoadString("return (" + expr + ")")
	if err != nil {
		return "", fmt.Errorf("Lua does not compile: %v", err)
	}
	env := L.NewTable()
	env.RawSetString("headers", s.headerTable(L))
	env.RawSetString("query_params", table(L, s.query))
	env.RawSetString("uri_captures", L.NewTable())
	env.RawSetString("shared", L.NewTable())
	fn.Env = env
	L.Push(fn)
	if err := L.PCall(0, 1, nil); err != nil {
		return "", fmt.Errorf("Lua error: %v", err)
	}
	switch v := L.Get(-1).(type) {
	case lua.LString:
		return string(v), nil
	case *lua.LNilType:
		return "", nil
	case lua.LBool:
		if !bool(v) {
			return "", nil
		}
		return "true", nil
	default:
		return v.String(), nil
	}
}

func table(L *lua.LState, m map[string]string) *lua.LTable {
	t := L.NewTable()
	for k, v := range m {
		t.RawSetString(k, lua.LString(v))
	}
	return t
}

// headerTable is ngx.req.get_headers(): lower-case keys, and a lookup
// that lower-cases and turns underscores into dashes.
func (s sandbox) headerTable(L *lua.LState) *lua.LTable {
	t := table(L, s.headers)
	mt := L.NewTable()
	mt.RawSetString("__index", L.NewFunction(func(L *lua.LState) int {
		key := strings.ReplaceAll(strings.ToLower(L.CheckString(2)), "_", "-")
		L.Push(L.CheckTable(1).RawGetString(key))
		return 1
	}))
	L.SetMetatable(t, mt)
	return t
}
