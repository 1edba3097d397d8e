// Package storagepitr brings Supabase Storage's S3 objects back to a point
// in time, and checks that the objects and the database's storage.objects
// rows agree.
//
// The storage bucket is versioned, so every overwrite and delete since the
// moment is still there as a noncurrent version or a delete marker, for
// storage.NoncurrentVersionDays. Restoring a key copies the version that
// was current at that moment over the current one (a new version, so the
// restore itself can be undone the same way), and a key created after the
// moment gets a delete marker. Nothing is deleted for good: no version is
// ever removed.
package storagepitr

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
)

// MaxCopySize is the largest object one CopyObject can copy (5 GiB); a
// larger version needs a multipart copy, which this package does not do: it
// reports such keys instead.
const MaxCopySize = 5 << 30

// API is the part of the S3 client the package uses.
type API interface {
	ListObjectVersions(ctx context.Context, in *s3.ListObjectVersionsInput, opts ...func(*s3.Options)) (*s3.ListObjectVersionsOutput, error)
	CopyObject(ctx context.Context, in *s3.CopyObjectInput, opts ...func(*s3.Options)) (*s3.CopyObjectOutput, error)
	DeleteObject(ctx context.Context, in *s3.DeleteObjectInput, opts ...func(*s3.Options)) (*s3.DeleteObjectOutput, error)
}

// Entry is one version or delete marker of a key.
type Entry struct {
	Key          string
	VersionID    string
	LastModified time.Time
	DeleteMarker bool
	IsLatest     bool
	Size         int64
	// ETag identifies the content within one bucket for single-part
	// uploads; S3 does not promise it for SSE-KMS objects, so equal ETags
	// mean equal content, different ones need not mean different content.
	ETag string
}

// List returns every version and delete marker under prefix.
func List(ctx context.Context, c API, bucket, prefix string) ([]Entry, error) {
	var out []Entry
	in := &s3.ListObjectVersionsInput{Bucket: aws.String(bucket), Prefix: aws.String(prefix)}
	for {
		page, err := c.ListObjectVersions(ctx, in)
		if err != nil {
			return nil, fmt.Errorf("listing the versions in s3://%s/%s: %w", bucket, prefix, err)
		}
		for _, v := range page.Versions {
			out = append(out, Entry{Key: aws.ToString(v.Key), VersionID: aws.ToString(v.VersionId), LastModified: aws.ToTime(v.LastModified),
				IsLatest: aws.ToBool(v.IsLatest), Size: aws.ToInt64(v.Size), ETag: aws.ToString(v.ETag)})
		}
		for _, m := range page.DeleteMarkers {
			out = append(out, Entry{Key: aws.ToString(m.Key), VersionID: aws.ToString(m.VersionId), LastModified: aws.ToTime(m.LastModified),
				IsLatest: aws.ToBool(m.IsLatest), DeleteMarker: true})
		}
		if !aws.ToBool(page.IsTruncated) {
			return out, nil
		}
		in.KeyMarker, in.VersionIdMarker = page.NextKeyMarker, page.NextVersionIdMarker
	}
}

// Kind is what happens to a key.
type Kind string

const (
	// Revert copies the version current at the moment over the current one.
	Revert Kind = "revert"
	// Hide puts a delete marker on a key that did not exist at the moment
	// (or was deleted by then).
	Hide Kind = "hide"
	// TooLarge is a key whose version at the moment exceeds MaxCopySize:
	// reported, not changed.
	TooLarge Kind = "too-large"
)

// Action is one change the restore makes.
type Action struct {
	Kind Kind
	Key  string
	// VersionID is the version copied back (Revert, TooLarge).
	VersionID string
	Size      int64
}

// Plan works out, from every version of every key, what brings the keys
// back to how they were at the moment at. A key is left alone when its
// current state already is that one. Versions written in the same
// millisecond as at count as before it (S3 keeps milliseconds).
func Plan(entries []Entry, at time.Time) []Action {
	byKey := map[string][]Entry{}
	for _, e := range entries {
		byKey[e.Key] = append(byKey[e.Key], e)
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []Action
	for _, k := range keys {
		es := byKey[k]
		// Newest first; S3 lists them so, but do not depend on it.
		sort.SliceStable(es, func(i, j int) bool { return es[i].LastModified.After(es[j].LastModified) })
		current := es[0]
		for _, e := range es {
			if e.IsLatest {
				current = e
			}
		}
		var then *Entry
		for i := range es {
			if !es[i].LastModified.After(at) {
				then = &es[i]
				break
			}
		}
		switch {
		case then == nil || then.DeleteMarker:
			// Absent at the moment.
			if !current.DeleteMarker {
				out = append(out, Action{Kind: Hide, Key: k})
			}
		case then.VersionID == current.VersionID:
			// Unchanged since.
		case !current.DeleteMarker && current.ETag != "" && current.ETag == then.ETag && current.Size == then.Size:
			// The same content again (an earlier run of this restore, or
			// the same file uploaded back). Where S3's ETag is not a digest
			// (SSE-KMS), a re-run copies the version once more: one more
			// version with the same content, nothing lost.
		case then.Size > MaxCopySize:
			out = append(out, Action{Kind: TooLarge, Key: k, VersionID: then.VersionID, Size: then.Size})
		default:
			out = append(out, Action{Kind: Revert, Key: k, VersionID: then.VersionID, Size: then.Size})
		}
	}
	return out
}

// Apply makes the changes. It stops at the first error; running the same
// restore again resumes: Plan skips the keys already hidden, and the
// reverted ones it recognises by their content (see Plan).
func Apply(ctx context.Context, c API, bucket string, actions []Action, progress func(Action)) error {
	for _, a := range actions {
		var err error
		switch a.Kind {
		case Revert:
			// The copy keeps the version's metadata (content type, cache
			// control) and the bucket's default encryption.
			_, err = c.CopyObject(ctx, &s3.CopyObjectInput{
				Bucket:     aws.String(bucket),
				Key:        aws.String(a.Key),
				CopySource: aws.String(url.PathEscape(bucket) + "/" + escapeKey(a.Key) + "?versionId=" + url.QueryEscape(a.VersionID)),
			})
		case Hide:
			_, err = c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String(bucket), Key: aws.String(a.Key)})
		case TooLarge:
			continue
		}
		if err != nil {
			return fmt.Errorf("%s s3://%s/%s: %w", a.Kind, bucket, a.Key, err)
		}
		if progress != nil {
			progress(a)
		}
	}
	return nil
}

// escapeKey URL-encodes each segment of a key, keeping the slashes.
func escapeKey(k string) string {
	parts := strings.Split(k, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

// Row is one storage.objects row.
type Row struct {
	BucketID, Name, Version string
}

// Key is the S3 key Storage keeps the row's object under:
// <tenant>/<bucket id>/<name>[/<version>] (storage-api's S3 backend).
func (r Row) Key(tenant string) string {
	k := tenant + "/" + r.BucketID + "/" + r.Name
	if r.Version != "" {
		k += "/" + r.Version
	}
	return k
}

// rowsSQL writes storage.objects as CSV (names may hold any character).
const rowsSQL = `COPY (SELECT bucket_id, name, coalesce(version, '') FROM storage.objects ORDER BY 1, 2) TO STDOUT WITH (FORMAT csv)`

// Rows reads storage.objects with psql, through r (locally, or in a pod
// with kube.ExecRunner); env is the libpq environment (PGDATABASE at least).
func Rows(ctx context.Context, r runner.Runner, psql string, env []string) ([]Row, error) {
	res, err := r.Run(ctx, runner.Cmd{Name: psql, Args: []string{"-X", "-w", "-q", "-v", "ON_ERROR_STOP=1", "-c", rowsSQL}, Env: env})
	if err != nil {
		return nil, fmt.Errorf("reading storage.objects: %w", err)
	}
	cr := csv.NewReader(strings.NewReader(string(res.Stdout)))
	cr.FieldsPerRecord = 3
	var rows []Row
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading storage.objects: %w", err)
		}
		rows = append(rows, Row{BucketID: rec[0], Name: rec[1], Version: rec[2]})
	}
}

// Report is what Check found.
type Report struct {
	// Rows counts the storage.objects rows, Objects the current S3 objects.
	Rows, Objects int
	// MissingObjects are rows whose object is absent (or deleted) in S3:
	// downloads of them fail.
	MissingObjects []Row
	// OrphanObjects are current S3 keys no row points at: invisible to
	// Storage, and billed.
	OrphanObjects []string
}

// OK reports whether rows and objects agree.
func (r Report) OK() bool { return len(r.MissingObjects) == 0 && len(r.OrphanObjects) == 0 }

// Check compares the rows with the bucket's current objects under
// tenant/. Storage's sidecar objects (<key>.info, written for resumable
// uploads) count as their object's.
func Check(rows []Row, entries []Entry, tenant string) Report {
	current := map[string]bool{}
	for _, e := range entries {
		if e.IsLatest && !e.DeleteMarker && strings.HasPrefix(e.Key, tenant+"/") {
			current[e.Key] = true
		}
	}
	rep := Report{Rows: len(rows), Objects: len(current)}
	wanted := map[string]bool{}
	for _, r := range rows {
		k := r.Key(tenant)
		wanted[k] = true
		if !current[k] {
			rep.MissingObjects = append(rep.MissingObjects, r)
		}
	}
	for k := range current {
		if !wanted[k] && !wanted[strings.TrimSuffix(k, ".info")] {
			rep.OrphanObjects = append(rep.OrphanObjects, k)
		}
	}
	sort.Strings(rep.OrphanObjects)
	return rep
}
