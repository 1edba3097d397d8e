package awsfake

import (
	"crypto/md5"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// S3 is an in-process stand-in for versioned S3 buckets, speaking the REST
// protocol with path-style addressing (the SDK's UsePathStyle), so tests
// drive the real AWS SDK against it. It holds every version and delete
// marker the way a bucket with versioning enabled does, and implements what
// the storage restore uses: ListObjectVersions, CopyObject (with a source
// version), DeleteObject (a delete marker, or with a versionId the version
// itself), plus PutObject and GetObject of whole objects.
type S3 struct {
	mu      sync.Mutex
	buckets map[string]map[string][]*S3Version // key -> versions, oldest first
	serial  int
	// Now stamps every write; nil means time.Now. Tests move it to make
	// versions at known times.
	Now func() time.Time
	// Requests records "OP bucket/key" of each call, in order.
	Requests []string
	// PageSize bounds ListObjectVersions pages (S3's default is 1000); tests
	// set it small to exercise pagination.
	PageSize int
}

// S3Version is one version or delete marker.
type S3Version struct {
	ID           string
	Body         []byte
	DeleteMarker bool
	LastModified time.Time
}

// NewS3 returns a fake with the named (versioned) buckets.
func NewS3(buckets ...string) *S3 {
	f := &S3{buckets: map[string]map[string][]*S3Version{}}
	for _, b := range buckets {
		f.buckets[b] = map[string][]*S3Version{}
	}
	return f
}

func (f *S3) now() time.Time {
	if f.Now != nil {
		return f.Now().UTC()
	}
	return time.Now().UTC()
}

func (f *S3) add(bucket, key string, v *S3Version) *S3Version {
	f.serial++
	v.ID = fmt.Sprintf("v%06d", f.serial)
	v.LastModified = f.now().Truncate(time.Millisecond)
	f.buckets[bucket][key] = append(f.buckets[bucket][key], v)
	return v
}

// Put writes a new version of key (as an upload would) and returns its id.
func (f *S3) Put(bucket, key, body string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.add(bucket, key, &S3Version{Body: []byte(body)}).ID
}

// Delete puts a delete marker on key (as a delete in a versioned bucket does).
func (f *S3) Delete(bucket, key string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.add(bucket, key, &S3Version{DeleteMarker: true})
}

// Current returns the body of key's current version; ok is false when the
// key does not exist or its current version is a delete marker.
func (f *S3) Current(bucket, key string) (string, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	vs := f.buckets[bucket][key]
	if len(vs) == 0 || vs[len(vs)-1].DeleteMarker {
		return "", false
	}
	return string(vs[len(vs)-1].Body), true
}

// Versions returns how many versions and delete markers key has.
func (f *S3) Versions(bucket, key string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.buckets[bucket][key])
}

type s3Error struct {
	XMLName xml.Name `xml:"Error"`
	Code    string   `xml:"Code"`
	Message string   `xml:"Message"`
}

func s3Fail(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/xml")
	w.WriteHeader(status)
	_ = xml.NewEncoder(w).Encode(s3Error{Code: code, Message: msg})
}

// ServeHTTP implements the REST API.
func (f *S3) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	bucket, key, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	q := r.URL.Query()
	f.mu.Lock()
	defer f.mu.Unlock()
	objects, ok := f.buckets[bucket]
	if !ok {
		s3Fail(w, http.StatusNotFound, "NoSuchBucket", "The specified bucket does not exist")
		return
	}
	switch {
	case r.Method == http.MethodGet && key == "" && q.Has("versions"):
		f.Requests = append(f.Requests, "ListObjectVersions "+bucket)
		f.listVersions(w, objects, q)
	case r.Method == http.MethodPut && key != "" && r.Header.Get("X-Amz-Copy-Source") != "":
		f.Requests = append(f.Requests, "CopyObject "+bucket+"/"+key)
		f.copyObject(w, r, bucket, key)
	case r.Method == http.MethodPut && key != "":
		f.Requests = append(f.Requests, "PutObject "+bucket+"/"+key)
		body, err := io.ReadAll(r.Body)
		if err != nil {
			s3Fail(w, http.StatusBadRequest, "IncompleteBody", err.Error())
			return
		}
		v := f.add(bucket, key, &S3Version{Body: body})
		w.Header().Set("x-amz-version-id", v.ID)
		w.Header().Set("ETag", etag(body))
	case r.Method == http.MethodDelete && key != "":
		if id := q.Get("versionId"); id != "" {
			f.Requests = append(f.Requests, "DeleteObjectVersion "+bucket+"/"+key)
			vs := objects[key]
			for i, v := range vs {
				if v.ID == id {
					objects[key] = append(vs[:i:i], vs[i+1:]...)
				}
			}
			w.Header().Set("x-amz-version-id", id)
			w.WriteHeader(http.StatusNoContent)
			return
		}
		f.Requests = append(f.Requests, "DeleteObject "+bucket+"/"+key)
		v := f.add(bucket, key, &S3Version{DeleteMarker: true})
		w.Header().Set("x-amz-delete-marker", "true")
		w.Header().Set("x-amz-version-id", v.ID)
		w.WriteHeader(http.StatusNoContent)
	case r.Method == http.MethodGet && key != "":
		f.Requests = append(f.Requests, "GetObject "+bucket+"/"+key)
		v := find(objects[key], q.Get("versionId"))
		if v == nil || v.DeleteMarker {
			s3Fail(w, http.StatusNotFound, "NoSuchKey", "The specified key does not exist.")
			return
		}
		w.Header().Set("x-amz-version-id", v.ID)
		w.Header().Set("Content-Length", strconv.Itoa(len(v.Body)))
		_, _ = w.Write(v.Body)
	default:
		s3Fail(w, http.StatusNotImplemented, "NotImplemented", r.Method+" "+r.URL.String()+" is not implemented by the fake")
	}
}

// find returns the version id, or the current one for "".
func find(vs []*S3Version, id string) *S3Version {
	if id == "" {
		if len(vs) == 0 {
			return nil
		}
		return vs[len(vs)-1]
	}
	for _, v := range vs {
		if v.ID == id {
			return v
		}
	}
	return nil
}

func etag(b []byte) string {
	sum := md5.Sum(b)
	return `"` + hex.EncodeToString(sum[:]) + `"`
}

func (f *S3) copyObject(w http.ResponseWriter, r *http.Request, bucket, key string) {
	src := strings.TrimPrefix(r.Header.Get("X-Amz-Copy-Source"), "/")
	srcPath, rawQuery, _ := strings.Cut(src, "?")
	srcPath, err := url.PathUnescape(srcPath)
	if err != nil {
		s3Fail(w, http.StatusBadRequest, "InvalidArgument", "copy source: "+err.Error())
		return
	}
	sq, _ := url.ParseQuery(rawQuery)
	sb, sk, _ := strings.Cut(srcPath, "/")
	objects, ok := f.buckets[sb]
	if !ok {
		s3Fail(w, http.StatusNotFound, "NoSuchBucket", "copy source bucket")
		return
	}
	v := find(objects[sk], sq.Get("versionId"))
	if v == nil {
		s3Fail(w, http.StatusNotFound, "NoSuchVersion", "The specified version does not exist.")
		return
	}
	if v.DeleteMarker {
		// S3 refuses a delete marker as copy source.
		s3Fail(w, http.StatusBadRequest, "InvalidRequest", "The source of a copy request may not specifically refer to a delete marker by version id.")
		return
	}
	nv := f.add(bucket, key, &S3Version{Body: append([]byte(nil), v.Body...)})
	w.Header().Set("x-amz-version-id", nv.ID)
	w.Header().Set("x-amz-copy-source-version-id", v.ID)
	w.Header().Set("Content-Type", "application/xml")
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><CopyObjectResult><ETag>%s</ETag><LastModified>%s</LastModified></CopyObjectResult>`,
		etag(nv.Body), nv.LastModified.Format("2006-01-02T15:04:05.000Z"))
}

type s3Entry struct {
	key    string
	v      *S3Version
	latest bool
}

func (f *S3) listVersions(w http.ResponseWriter, objects map[string][]*S3Version, q url.Values) {
	prefix, keyMarker, idMarker := q.Get("prefix"), q.Get("key-marker"), q.Get("version-id-marker")
	maxKeys := 1000
	if f.PageSize > 0 {
		maxKeys = f.PageSize
	}
	if m, err := strconv.Atoi(q.Get("max-keys")); err == nil && m > 0 && m < maxKeys {
		maxKeys = m
	}
	keys := make([]string, 0, len(objects))
	for k := range objects {
		if strings.HasPrefix(k, prefix) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	// Keys in order, each key's versions newest first: S3's order.
	var all []s3Entry
	for _, k := range keys {
		vs := objects[k]
		for i := len(vs) - 1; i >= 0; i-- {
			all = append(all, s3Entry{k, vs[i], i == len(vs)-1})
		}
	}
	start := 0
	if keyMarker != "" {
		// After the marker's version of the marker's key, or after the
		// whole key when no version is named.
		start = len(all)
		for i, e := range all {
			if idMarker != "" && e.key == keyMarker && e.v.ID == idMarker {
				start = i + 1
				break
			}
			if idMarker == "" && e.key > keyMarker {
				start = i
				break
			}
		}
	}
	end := min(start+maxKeys, len(all))
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">`)
	fmt.Fprintf(&b, "<Name>bucket</Name><Prefix>%s</Prefix><MaxKeys>%d</MaxKeys>", xmlText(prefix), maxKeys)
	truncated := end < len(all)
	fmt.Fprintf(&b, "<IsTruncated>%v</IsTruncated>", truncated)
	if truncated {
		last := all[end-1]
		fmt.Fprintf(&b, "<NextKeyMarker>%s</NextKeyMarker><NextVersionIdMarker>%s</NextVersionIdMarker>", xmlText(last.key), last.v.ID)
	}
	for _, e := range all[start:end] {
		ts := e.v.LastModified.Format("2006-01-02T15:04:05.000Z")
		if e.v.DeleteMarker {
			fmt.Fprintf(&b, "<DeleteMarker><Key>%s</Key><VersionId>%s</VersionId><IsLatest>%v</IsLatest><LastModified>%s</LastModified></DeleteMarker>", xmlText(e.key), e.v.ID, e.latest, ts)
			continue
		}
		fmt.Fprintf(&b, "<Version><Key>%s</Key><VersionId>%s</VersionId><IsLatest>%v</IsLatest><LastModified>%s</LastModified><ETag>%s</ETag><Size>%d</Size><StorageClass>STANDARD</StorageClass></Version>",
			xmlText(e.key), e.v.ID, e.latest, ts, xmlText(etag(e.v.Body)), len(e.v.Body))
	}
	b.WriteString("</ListVersionsResult>")
	w.Header().Set("Content-Type", "application/xml")
	_, _ = io.WriteString(w, b.String())
}

func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
