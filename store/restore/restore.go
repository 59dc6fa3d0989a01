// Package restore is mailbox restore requests (New-MailboxRestoreRequest):
// a request copies the content of a soft-deleted, inactive or
// retired-inactive mailbox — or of a disconnected on-premises mailbox —
// into an existing mailbox (or its archive). The source never changes.
//
// Progress follows the simulated clock: a request runs for Duration of
// simulated time (RestoreDuration) and PercentComplete = floor(100 ×
// elapsed / Duration). It is computed from the clock whenever a request is
// read, so it is right after any clock advance; what happens at a moment —
// the content copy at completion, the failure when the source is purged
// before the request finished — is done by a timer that ticks once a
// simulated minute while the request runs.
package restore

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// TimerRestoreTick advances a running restore request (payload: the
// request's RequestGuid): it fails the request when its source is gone and
// completes it when its time is up.
const TimerRestoreTick = "restore.tick"

// OnPremSource is how restore requests reach the disconnected mailboxes
// of an on-premises organization. The on-premises area has them; the
// tenant's schema adds its OnPremSource to OnPremSources.
type OnPremSource struct {
	// Host is the FQDN of the on-premises server a remote restore names.
	Host string
	// Database resolves a mailbox database by name or Guid to its name and
	// Guid (ok false when there is none).
	Database func(tx *store.Tx, identity string) (name, guid string, ok bool, err error)
	// Mailbox returns the on-premises mailbox with that MailboxGuid (nil
	// when there is none).
	Mailbox func(tx *store.Tx, guid string) (*RemoteMailbox, error)
}

// RemoteMailbox is an on-premises mailbox as the source of a restore.
type RemoteMailbox struct {
	MailboxGuid, Alias, DisplayName, LegacyExchangeDN string
	// DatabaseGuid is the database the mailbox is in.
	DatabaseGuid string
	// Disconnected: only a disconnected mailbox can be restored.
	Disconnected bool
	Folders      []directory.Folder
}

// OnPremSources are the on-premises organizations restore requests can
// copy from (the first one counts).
var OnPremSources = store.NewHook[OnPremSource]("on-premises restore source")

// onPremSource returns the on-premises organization, if there is one.
func onPremSource(tx *store.Tx) (OnPremSource, bool) {
	if fs := OnPremSources.Funcs(tx); len(fs) > 0 {
		return fs[0], true
	}
	return OnPremSource{}, false
}

// remoteMailbox returns the on-premises mailbox with that MailboxGuid (nil
// when there is none).
func remoteMailbox(tx *store.Tx, guid string) (*RemoteMailbox, error) {
	op, ok := onPremSource(tx)
	if !ok {
		return nil, nil
	}
	return op.Mailbox(tx, guid)
}

// Restore request statuses (the values Get-MailboxRestoreRequest -Status
// accepts that the simulator produces).
const (
	RestoreQueued     = "Queued"
	RestoreInProgress = "InProgress"
	RestoreCompleted  = "Completed"
	RestoreFailed     = "Failed"
	RestoreSuspended  = "Suspended"
)

// Restore source kinds.
const (
	// RestoreSourceMailbox is an Exchange Online soft-deleted, inactive or
	// retired-inactive mailbox (-SourceMailbox).
	RestoreSourceMailbox = "Mailbox"
	// RestoreSourceDisconnected is a disconnected on-premises mailbox
	// (-RemoteRestoreType DisconnectedMailbox -SourceStoreMailbox).
	RestoreSourceDisconnected = "DisconnectedMailbox"
)

// RestoreBaseDuration is how long a request for up to 1 GB of content
// runs; every further started GB adds the same again. (The service gives
// no duration; ten simulated minutes keep a lab short.)
const RestoreBaseDuration = 10 * time.Minute

// restoreTick is how often a running request is checked.
const restoreTick = time.Minute

// MaxAutoRestoreNames is how many automatic names (MailboxRestore,
// MailboxRestore1 … MailboxRestore9) one target can use.
const MaxAutoRestoreNames = 10

// RestoreReportEntry is one line of a request's report.
type RestoreReportEntry struct {
	Time time.Time `json:"time"`
	Text string    `json:"text"`
}

// RestoreRequest is a mailbox restore request.
type RestoreRequest struct {
	RequestGuid string `json:"requestGuid"` // primary key
	Name        string `json:"name"`
	BatchName   string `json:"batchName,omitempty"`

	SourceKind         string `json:"sourceKind"`
	SourceGuid         string `json:"sourceGuid"` // mailbox object Guid, or the on-premises MailboxGuid
	SourceExchangeGuid string `json:"sourceExchangeGuid"`
	SourceName         string `json:"sourceName"`
	SourceDisplayName  string `json:"sourceDisplayName"`
	SourceLegacyDN     string `json:"sourceLegacyDN"`
	SourceDatabase     string `json:"sourceDatabase,omitempty"`
	RemoteHostName     string `json:"remoteHostName,omitempty"`
	RemoteDatabaseGuid string `json:"remoteDatabaseGuid,omitempty"`

	TargetGuid         string `json:"targetGuid"`
	TargetAlias        string `json:"targetAlias"`
	TargetName         string `json:"targetName"`
	TargetExchangeGuid string `json:"targetExchangeGuid"`
	TargetDatabase     string `json:"targetDatabase"`

	SourceIsArchive       bool   `json:"sourceIsArchive"`
	TargetIsArchive       bool   `json:"targetIsArchive"`
	AllowLegacyDNMismatch bool   `json:"allowLegacyDNMismatch"`
	ExcludeDumpster       bool   `json:"excludeDumpster"`
	AcceptLargeDataLoss   bool   `json:"acceptLargeDataLoss"`
	TargetRootFolder      string `json:"targetRootFolder,omitempty"`
	SourceRootFolder      string `json:"sourceRootFolder,omitempty"`
	ConflictResolution    string `json:"conflictResolutionOption"`
	SuspendComment        string `json:"suspendComment,omitempty"`
	CreatedBy             string `json:"createdBy"`

	// Items and Bytes are what the request copies (fixed at creation).
	Items int64 `json:"items"`
	Bytes int64 `json:"bytes"`

	CreatedAt time.Time     `json:"createdAt"`
	Duration  time.Duration `json:"duration"`
	// Elapsed is the run time accumulated before RunningSince.
	Elapsed      time.Duration `json:"elapsed"`
	RunningSince *time.Time    `json:"runningSince,omitempty"` // nil while suspended or finished
	Suspended    bool          `json:"suspended"`
	SuspendedAt  *time.Time    `json:"suspendedAt,omitempty"`
	ResumedAt    *time.Time    `json:"resumedAt,omitempty"`
	Outcome      string        `json:"outcome,omitempty"` // "", Completed, Failed
	CompletedAt  *time.Time    `json:"completedAt,omitempty"`
	FailedAt     *time.Time    `json:"failedAt,omitempty"`
	FailureType  string        `json:"failureType,omitempty"`
	Message      string        `json:"message,omitempty"`
	WhenChanged  time.Time     `json:"whenChanged"`

	Report []RestoreReportEntry `json:"report"`
}

// Identity is `<target alias>\<Name>`.
func (r *RestoreRequest) Identity() string { return r.TargetAlias + `\` + r.Name }

// elapsed returns the run time at now.
func (r *RestoreRequest) elapsed(now time.Time) time.Duration {
	e := r.Elapsed
	if r.RunningSince != nil && now.After(*r.RunningSince) {
		e += now.Sub(*r.RunningSince)
	}
	if e > r.Duration {
		e = r.Duration
	}
	return e
}

// finishAt returns the moment a running request completes.
func (r *RestoreRequest) finishAt() time.Time {
	if r.RunningSince == nil {
		return time.Time{}
	}
	return r.RunningSince.Add(r.Duration - r.Elapsed)
}

// RestoreProgress is a request's state at a moment.
type RestoreProgress struct {
	Status           string
	StatusDetail     string
	PercentComplete  int
	ItemsTransferred int64
	BytesTransferred int64
	// SourceGone is set when the source no longer exists and the request
	// had not finished: a request whose source is purged before it
	// completes is Failed.
	SourceGone bool
}

// Progress computes the request's state at now. sourceExists tells whether
// its source still exists.
func (r *RestoreRequest) Progress(now time.Time, sourceExists bool) RestoreProgress {
	p := RestoreProgress{}
	if r.Duration > 0 {
		p.PercentComplete = int(int64(r.elapsed(now)) * 100 / int64(r.Duration))
	}
	switch {
	case r.Outcome == RestoreCompleted:
		p.PercentComplete = 100
		p.Status, p.StatusDetail = RestoreCompleted, "Completed"
	case r.Outcome == RestoreFailed:
		p.Status, p.StatusDetail = RestoreFailed, "FailedOther"
	case !sourceExists:
		p.Status, p.StatusDetail, p.SourceGone = RestoreFailed, "FailedOther", true
	case r.Suspended:
		p.Status, p.StatusDetail = RestoreSuspended, "Suspended"
	case p.PercentComplete >= 100:
		p.PercentComplete = 100
		p.Status, p.StatusDetail = RestoreCompleted, "Completed"
	case p.PercentComplete == 0:
		p.Status, p.StatusDetail = RestoreQueued, "Queued"
	default:
		p.Status, p.StatusDetail = RestoreInProgress, "CopyingMessages"
	}
	p.ItemsTransferred = r.Items * int64(p.PercentComplete) / 100
	p.BytesTransferred = r.Bytes * int64(p.PercentComplete) / 100
	return p
}

// RestoreDuration is how long restoring bytes of content takes:
// RestoreBaseDuration per started GB, at least once.
func RestoreDuration(bytes int64) time.Duration {
	n := (bytes + directory.GB - 1) / directory.GB
	if n < 1 {
		n = 1
	}
	return time.Duration(n) * RestoreBaseDuration
}

// Reasons carried by RestoreError.
const (
	// RestoreSourceNotFound: no soft-deleted, inactive or disconnected
	// mailbox matches the source.
	RestoreSourceNotFound = "SourceNotFound"
	// RestoreTargetNotFound: no active mailbox or mail user matches the
	// target.
	RestoreTargetNotFound = "TargetNotFound"
	// RestoreAmbiguous: an identity matches several objects; Detail holds it.
	RestoreAmbiguous = "Ambiguous"
	// RestoreAutoExpandingSource: the source has an auto-expanding archive.
	RestoreAutoExpandingSource = "SourceAutoExpandingArchive"
	// RestoreLargeTargetArchive: the target archive is an auto-expanding
	// (large) archive.
	RestoreLargeTargetArchive = "TargetLargeArchive"
	// RestoreNoSourceArchive: -SourceIsArchive but the source has no archive.
	RestoreNoSourceArchive = "NoSourceArchive"
	// RestoreNoTargetArchive: -TargetIsArchive but the target has no archive.
	RestoreNoTargetArchive = "NoTargetArchive"
	// RestoreLegacyDNMismatch: the source's LegacyExchangeDN is neither the
	// target's LegacyExchangeDN nor one of its X500 proxies.
	RestoreLegacyDNMismatch = "LegacyDNMismatch"
	// RestoreNameInUse: the target already has a request with that name.
	RestoreNameInUse = "NameInUse"
	// RestoreNoFreeName: the target used all MaxAutoRestoreNames automatic
	// names.
	RestoreNoFreeName = "NoFreeAutomaticName"
	// RestoreRemoteHost: the remote host is not the on-premises server.
	RestoreRemoteHost = "RemoteHostUnknown"
	// RestoreRemoteDatabase: no on-premises database has the GUID.
	RestoreRemoteDatabase = "RemoteDatabaseNotFound"
	// RestoreNotSuspended: Resume on a request that isn't suspended.
	RestoreNotSuspended = "NotSuspended"
	// RestoreFinished: Suspend/Set on a completed or failed request.
	RestoreFinished = "Finished"
)

// RestoreError reports a refused restore operation; the cmdlet words it.
type RestoreError struct {
	Reason   string
	Identity string // the identity the reason is about
	Detail   string // a fact for the wording (the other LegacyDN, the name ...)
}

func (e *RestoreError) Error() string {
	s := fmt.Sprintf("restore request refused: %s (%s)", e.Reason, e.Identity)
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

// NewRestoreInput holds the parameters of New-MailboxRestoreRequest.
type NewRestoreInput struct {
	// SourceMailbox identifies a cloud source (ExchangeGuid or DN are
	// recommended). Empty for the remote form.
	SourceMailbox string
	// Remote form: -RemoteRestoreType DisconnectedMailbox.
	RemoteHostName     string
	RemoteDatabaseGuid string
	SourceStoreMailbox string

	TargetMailbox         string
	Name                  string
	BatchName             string
	SourceIsArchive       bool
	TargetIsArchive       bool
	AllowLegacyDNMismatch bool
	ExcludeDumpster       bool
	AcceptLargeDataLoss   bool
	TargetRootFolder      string
	SourceRootFolder      string
	ConflictResolution    string
	Suspend               bool
	SuspendComment        string
	Actor                 string
}

// restoreServer names the Mailbox Replication service in report lines.
const restoreServer = "SN6PR06MB4750"

func (r *RestoreRequest) log(t time.Time, format string, args ...any) {
	r.Report = append(r.Report, RestoreReportEntry{Time: t.UTC(), Text: fmt.Sprintf(format, args...)})
}

// putRestore stores a request.
func putRestore(tx *store.Tx, r *RestoreRequest) error {
	r.WhenChanged = tx.Now()
	if r.CompletedAt != nil && r.CompletedAt.After(r.WhenChanged) {
		r.WhenChanged = *r.CompletedAt
	}
	return Requests.Put(tx, r.RequestGuid, r)
}

// RestoreRequests lists every request in creation order.
func RestoreRequests(tx *store.Tx) ([]*RestoreRequest, error) {
	out, err := Requests.List(tx)
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].CreatedAt.Equal(out[j].CreatedAt) {
			return out[i].CreatedAt.Before(out[j].CreatedAt)
		}
		return out[i].Identity() < out[j].Identity()
	})
	return out, err
}

// FindRestoreRequests resolves a request identity: `<target>\<Name>` (the
// target by alias, name or any mailbox identity), or the RequestGuid.
func FindRestoreRequests(tx *store.Tx, identity string) ([]*RestoreRequest, error) {
	id := strings.TrimSpace(identity)
	all, err := RestoreRequests(tx)
	if err != nil {
		return nil, err
	}
	var out []*RestoreRequest
	if g, ok := store.NormalizeGuid(id); ok {
		for _, r := range all {
			if r.RequestGuid == g {
				out = append(out, r)
			}
		}
		return out, nil
	}
	target, name := "", id
	if i := strings.LastIndexByte(id, '\\'); i >= 0 {
		target, name = strings.TrimSpace(id[:i]), strings.TrimSpace(id[i+1:])
	}
	var targetGuids map[string]bool
	if target != "" {
		targetGuids = map[string]bool{}
		if ms, err := directory.ResolveMailboxes(tx, target, directory.ScopeAny); err == nil {
			for _, m := range ms {
				targetGuids[m.Guid] = true
			}
		}
	}
	for _, r := range all {
		if !strings.EqualFold(r.Name, name) {
			continue
		}
		if target != "" && !strings.EqualFold(r.TargetAlias, target) && !targetGuids[r.TargetGuid] {
			continue
		}
		out = append(out, r)
	}
	return out, nil
}

// GetRestoreRequest returns a request by RequestGuid.
func GetRestoreRequest(tx *store.Tx, guid string) (*RestoreRequest, error) {
	return Requests.Load(tx, strings.ToLower(guid), guid)
}

// RestoreSourceExists reports whether a request's source still exists.
func RestoreSourceExists(tx *store.Tx, r *RestoreRequest) (bool, error) {
	if r.SourceKind == RestoreSourceDisconnected {
		m, err := remoteMailbox(tx, r.SourceGuid)
		return m != nil, err
	}
	_, err := directory.GetMailbox(tx, r.SourceGuid)
	if err != nil {
		if store.IsNotFound(err) {
			return false, nil
		}
		return false, err
	}
	return true, nil
}

// RestoreProgressOf computes a request's state at the current clock.
func RestoreProgressOf(tx *store.Tx, r *RestoreRequest) (RestoreProgress, error) {
	ok, err := RestoreSourceExists(tx, r)
	if err != nil {
		return RestoreProgress{}, err
	}
	return r.Progress(tx.Now(), ok), nil
}

// resolveRestoreTarget finds the target: an active mailbox or mail user by
// any identity, or by its ArchiveGuid.
func resolveRestoreTarget(tx *store.Tx, id string) (*directory.Mailbox, error) {
	ms, err := directory.ResolveMailboxes(tx, id, directory.ScopeActive)
	if err != nil && !store.IsNotFound(err) {
		return nil, err
	}
	if len(ms) == 0 {
		if g, ok := store.NormalizeGuid(id); ok && g != store.ZeroGuid {
			err := directory.ForEachMailbox(tx, "", func(m *directory.Mailbox) error {
				if m.LifecycleState == directory.StateActive && strings.EqualFold(m.ArchiveGuid, g) {
					ms = append(ms, m)
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
	}
	switch len(ms) {
	case 0:
		return nil, &RestoreError{Reason: RestoreTargetNotFound, Identity: id}
	case 1:
		return ms[0], nil
	}
	return nil, &RestoreError{Reason: RestoreAmbiguous, Identity: id}
}

// legacyDNMatches reports whether the target carries the source's
// LegacyExchangeDN as its own or as an X500 proxy.
func legacyDNMatches(target *directory.Mailbox, legacyDN string) bool {
	if strings.EqualFold(target.LegacyExchangeDN, legacyDN) {
		return true
	}
	for _, a := range target.X500Addresses() {
		if strings.EqualFold(a, legacyDN) {
			return true
		}
	}
	return false
}

// restoreFolders selects what a request copies from the source folders.
func restoreFolders(fs []directory.Folder, excludeDumpster bool) []directory.Folder {
	var out []directory.Folder
	for _, f := range fs {
		if excludeDumpster && f.Recoverable {
			continue
		}
		out = append(out, f)
	}
	return out
}

func folderTotals(fs []directory.Folder) (items, bytes int64) {
	for _, f := range fs {
		items += f.ItemCount
		bytes += f.FolderSize
	}
	return
}

// NewRestoreRequest validates and queues a restore request. Refusals
// return *RestoreError before anything changes.
func NewRestoreRequest(tx *store.Tx, in NewRestoreInput) (*RestoreRequest, error) {
	now := tx.Now()
	r := &RestoreRequest{
		SourceIsArchive: in.SourceIsArchive, TargetIsArchive: in.TargetIsArchive,
		AllowLegacyDNMismatch: in.AllowLegacyDNMismatch, ExcludeDumpster: in.ExcludeDumpster,
		AcceptLargeDataLoss: in.AcceptLargeDataLoss, TargetRootFolder: in.TargetRootFolder,
		SourceRootFolder: in.SourceRootFolder, ConflictResolution: in.ConflictResolution,
		BatchName: in.BatchName, CreatedBy: in.Actor, CreatedAt: now,
	}
	if r.ConflictResolution == "" {
		r.ConflictResolution = "KeepSourceItem"
	}
	var folders []directory.Folder
	var sourceLegacyDN string
	if in.SourceStoreMailbox != "" || in.RemoteHostName != "" {
		op, ok := onPremSource(tx)
		if !ok || !strings.EqualFold(strings.TrimSuffix(strings.TrimSpace(in.RemoteHostName), "."), op.Host) {
			return nil, &RestoreError{Reason: RestoreRemoteHost, Identity: in.RemoteHostName}
		}
		dbName, dbGuid, found, err := op.Database(tx, in.RemoteDatabaseGuid)
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, &RestoreError{Reason: RestoreRemoteDatabase, Identity: in.RemoteDatabaseGuid}
		}
		src, err := op.Mailbox(tx, in.SourceStoreMailbox)
		if err != nil {
			return nil, err
		}
		if src == nil || !src.Disconnected || src.DatabaseGuid != dbGuid {
			// looked up in that database, which the error names
			return nil, &RestoreError{Reason: RestoreSourceNotFound, Identity: in.SourceStoreMailbox, Detail: dbName}
		}
		r.SourceKind, r.SourceGuid, r.SourceExchangeGuid = RestoreSourceDisconnected, src.MailboxGuid, src.MailboxGuid
		r.SourceName, r.SourceDisplayName = src.Alias, src.DisplayName
		r.SourceDatabase, r.RemoteHostName, r.RemoteDatabaseGuid = dbName, op.Host, dbGuid
		sourceLegacyDN = src.LegacyExchangeDN
		folders = src.Folders
	} else {
		ms, err := directory.ResolveMailboxes(tx, in.SourceMailbox, directory.ScopeSoftDeleted)
		if err != nil {
			if store.IsNotFound(err) {
				return nil, &RestoreError{Reason: RestoreSourceNotFound, Identity: in.SourceMailbox}
			}
			return nil, err
		}
		var mbx []*directory.Mailbox
		for _, m := range ms {
			if !m.IsMailUser() {
				mbx = append(mbx, m)
			}
		}
		if len(mbx) == 0 {
			return nil, &RestoreError{Reason: RestoreSourceNotFound, Identity: in.SourceMailbox}
		}
		if len(mbx) > 1 {
			return nil, &RestoreError{Reason: RestoreAmbiguous, Identity: in.SourceMailbox}
		}
		src := mbx[0]
		if src.AutoExpandingArchiveEnabled {
			return nil, &RestoreError{Reason: RestoreAutoExpandingSource, Identity: in.SourceMailbox}
		}
		if in.SourceIsArchive && src.ArchiveStatus != "Active" {
			return nil, &RestoreError{Reason: RestoreNoSourceArchive, Identity: in.SourceMailbox}
		}
		c, err := directory.GetMailboxContent(tx, src.Guid)
		if err != nil {
			return nil, err
		}
		folders = c.Primary
		if in.SourceIsArchive {
			folders = c.Archive
		}
		r.SourceKind, r.SourceGuid, r.SourceExchangeGuid = RestoreSourceMailbox, src.Guid, src.ExchangeGuid
		if in.SourceIsArchive {
			r.SourceExchangeGuid = src.ArchiveGuid
		}
		r.SourceName, r.SourceDisplayName, r.SourceDatabase = src.Name, src.DisplayName, src.Database
		sourceLegacyDN = src.LegacyExchangeDN
	}
	r.SourceLegacyDN = sourceLegacyDN
	target, err := resolveRestoreTarget(tx, in.TargetMailbox)
	if err != nil {
		return nil, err
	}
	if in.TargetIsArchive {
		if target.ArchiveStatus != "Active" || target.ArchiveGuid == store.ZeroGuid {
			return nil, &RestoreError{Reason: RestoreNoTargetArchive, Identity: in.TargetMailbox}
		}
		if target.AutoExpandingArchiveEnabled {
			return nil, &RestoreError{Reason: RestoreLargeTargetArchive, Identity: in.TargetMailbox}
		}
	}
	if r.SourceKind == RestoreSourceMailbox && !in.AllowLegacyDNMismatch && !legacyDNMatches(target, sourceLegacyDN) {
		return nil, &RestoreError{Reason: RestoreLegacyDNMismatch, Identity: in.TargetMailbox, Detail: sourceLegacyDN}
	}
	r.TargetGuid, r.TargetAlias, r.TargetName = target.Guid, target.Alias, target.Name
	r.TargetExchangeGuid, r.TargetDatabase = target.ExchangeGuid, target.Database
	if in.TargetIsArchive {
		r.TargetExchangeGuid, r.TargetDatabase = target.ArchiveGuid, target.ArchiveDatabase
	}
	existing, err := RestoreRequests(tx)
	if err != nil {
		return nil, err
	}
	taken := map[string]bool{}
	for _, e := range existing {
		if e.TargetGuid == target.Guid {
			taken[strings.ToLower(e.Name)] = true
		}
	}
	if in.Name != "" {
		if taken[strings.ToLower(in.Name)] {
			return nil, &RestoreError{Reason: RestoreNameInUse, Identity: target.Alias + `\` + in.Name}
		}
		r.Name = in.Name
	} else {
		for i := 0; i < MaxAutoRestoreNames; i++ {
			n := "MailboxRestore"
			if i > 0 {
				n += fmt.Sprint(i)
			}
			if !taken[strings.ToLower(n)] {
				r.Name = n
				break
			}
		}
		if r.Name == "" {
			return nil, &RestoreError{Reason: RestoreNoFreeName, Identity: target.Alias}
		}
	}
	r.RequestGuid = tx.NewGuid()
	folders = restoreFolders(folders, in.ExcludeDumpster)
	r.Items, r.Bytes = folderTotals(folders)
	r.Duration = RestoreDuration(r.Bytes)
	r.log(now, "[%s] '%s' created request.", restoreServer, in.Actor)
	if in.Suspend {
		r.Suspended, r.SuspendComment, r.SuspendedAt = true, in.SuspendComment, new(now)
		r.log(now, "[%s] The request was created suspended.", restoreServer)
	} else {
		r.RunningSince = new(now)
		if err := scheduleRestoreTick(tx, r); err != nil {
			return nil, err
		}
	}
	return r, putRestore(tx, r)
}

// scheduleRestoreTick schedules the next check of a running request: a
// minute on, or the instant it completes if that is sooner.
func scheduleRestoreTick(tx *store.Tx, r *RestoreRequest) error {
	finish := r.finishAt()
	next := tx.Now().Add(restoreTick)
	if finish.Before(next) {
		next = finish
	}
	_, err := tx.Schedule(next, TimerRestoreTick, r.RequestGuid)
	return err
}

func cancelRestoreTicks(tx *store.Tx, r *RestoreRequest) error {
	_, err := tx.CancelTimers(func(t store.Timer) bool { return t.Kind == TimerRestoreTick && t.Payload == r.RequestGuid })
	return err
}

// failRestoresInto fails the unfinished restore requests whose target or
// cloud source is m, which is being purged: they have nowhere left to copy
// to, or nothing left to copy from. They fail at the moment of the purge.
func failRestoresInto(tx *store.Tx, m *directory.Mailbox) error {
	rs, err := RestoreRequests(tx)
	if err != nil {
		return err
	}
	now := tx.Now()
	for _, r := range rs {
		if r.Outcome != "" {
			continue
		}
		target := strings.EqualFold(r.TargetGuid, m.Guid)
		source := r.SourceKind != RestoreSourceDisconnected && strings.EqualFold(r.SourceGuid, m.Guid)
		if !target && !source {
			continue
		}
		if err := cancelRestoreTicks(tx, r); err != nil {
			return err
		}
		if target {
			// (wording is the simulator's: no service text was found)
			r.fail(now, "TargetMailboxNotFoundPermanentException",
				fmt.Sprintf("The target mailbox '%s' no longer exists; it was permanently deleted while the request ran.", r.TargetName))
		} else {
			r.fail(now, "SourceMailboxNotFoundPermanentException", sourcePurgedMessage(r))
		}
		if err := putRestore(tx, r); err != nil {
			return err
		}
	}
	return nil
}

// sourcePurgedMessage is the failure message of a request whose source
// mailbox was permanently deleted while it ran.
func sourcePurgedMessage(r *RestoreRequest) string {
	return fmt.Sprintf("The source mailbox '%s' no longer exists; it was permanently deleted while the request ran.", r.SourceName)
}

// fail ends the request as Failed at now with a failure type and message,
// logged in its report.
func (r *RestoreRequest) fail(now time.Time, failureType, message string) {
	r.Elapsed = r.elapsed(now)
	r.RunningSince = nil
	r.Outcome, r.FailedAt = RestoreFailed, new(now)
	r.FailureType, r.Message = failureType, message
	r.log(now, "[%s] Fatal error: %s", restoreServer, r.Message)
	r.log(now, "[%s] The request failed.", restoreServer)
}

func fireRestoreTick(tx *store.Tx, t store.Timer) error {
	r, err := GetRestoreRequest(tx, t.Payload)
	if err != nil {
		if store.IsNotFound(err) {
			return nil
		}
		return err
	}
	if r.Outcome != "" || r.RunningSince == nil || r.Suspended {
		return nil
	}
	now := tx.Now()
	ok, err := RestoreSourceExists(tx, r)
	if err != nil {
		return err
	}
	if !ok {
		r.fail(now, "SourceMailboxNotFoundPermanentException", sourcePurgedMessage(r))
		return putRestore(tx, r)
	}
	finish := r.finishAt()
	if now.Before(finish) {
		return scheduleRestoreTick(tx, r)
	}
	if err := completeRestore(tx, r, finish); err != nil {
		return err
	}
	return putRestore(tx, r)
}

// completeRestore copies the source's folders into the target and marks
// the request Completed at `at`.
func completeRestore(tx *store.Tx, r *RestoreRequest, at time.Time) error {
	var src []directory.Folder
	if r.SourceKind == RestoreSourceDisconnected {
		m, err := remoteMailbox(tx, r.SourceGuid)
		if err != nil {
			return err
		}
		if m != nil {
			src = m.Folders
		}
	} else {
		c, err := directory.GetMailboxContent(tx, r.SourceGuid)
		if err != nil {
			return err
		}
		src = c.Primary
		if r.SourceIsArchive {
			src = c.Archive
		}
	}
	src = restoreFolders(src, r.ExcludeDumpster)
	if _, err := directory.GetMailbox(tx, r.TargetGuid); err == nil {
		tc, err := directory.GetMailboxContent(tx, r.TargetGuid)
		if err != nil {
			return err
		}
		if r.TargetIsArchive {
			tc.Archive = mergeFolders(tc.Archive, src, r.TargetRootFolder)
		} else {
			tc.Primary = mergeFolders(tc.Primary, src, r.TargetRootFolder)
		}
		if err := directory.PutMailboxContent(tx, tc); err != nil {
			return err
		}
	} else if !store.IsNotFound(err) {
		return err
	}
	r.Elapsed, r.RunningSince = r.Duration, nil
	r.Outcome, r.CompletedAt = RestoreCompleted, new(at)
	r.log(at, "[%s] Copied %d items, %s, from '%s' to '%s'.", restoreServer, r.Items, directory.Quota(r.Bytes).String(), r.SourceDisplayName, r.TargetName)
	r.log(at, "[%s] Request is complete.", restoreServer)
	return nil
}

// mergeFolders adds the source folders to the target's: into the folder
// with the same path, or — with a root folder — under "/<root>" (created
// if missing). Recoverable Items folders always merge with the target's.
func mergeFolders(target, src []directory.Folder, root string) []directory.Folder {
	out := append([]directory.Folder(nil), target...)
	root = strings.Trim(strings.TrimSpace(root), "/")
	if root != "" {
		if _, ok := directory.FindFolder(out, "/"+root); !ok {
			out = append(out, directory.Folder{Name: root, FolderPath: "/" + root, FolderType: "User Created"})
		}
	}
	for _, f := range src {
		if f.FolderType == "Root" || f.FolderType == "RecoverableItemsRoot" {
			continue
		}
		path, name, ftype := f.FolderPath, f.Name, f.FolderType
		if root != "" && !f.Recoverable {
			path, ftype = "/"+root+f.FolderPath, "User Created"
		}
		if t, ok := directory.FindFolder(out, path); ok {
			t.ItemCount += f.ItemCount
			t.FolderSize += f.FolderSize
			// Restored items keep their dates (aging.go); the copy
			// leaves the target's own cohorts untouched.
			cs := append([]directory.Cohort(nil), t.Cohorts...)
			for _, c := range f.Cohorts {
				cs = directory.AddCohort(cs, c)
			}
			t.Cohorts = cs
			continue
		}
		out = append(out, directory.Folder{Name: name, FolderPath: path, FolderType: ftype, ItemCount: f.ItemCount, FolderSize: f.FolderSize, Recoverable: f.Recoverable,
			Cohorts: append([]directory.Cohort(nil), f.Cohorts...)})
	}
	return out
}

// SuspendRestoreRequest suspends a queued or running request.
func SuspendRestoreRequest(tx *store.Tx, guid, comment string) (*RestoreRequest, error) {
	r, err := GetRestoreRequest(tx, guid)
	if err != nil {
		return nil, err
	}
	p, err := RestoreProgressOf(tx, r)
	if err != nil {
		return nil, err
	}
	if p.Status == RestoreCompleted || p.Status == RestoreFailed {
		return nil, &RestoreError{Reason: RestoreFinished, Identity: r.Identity(), Detail: p.Status}
	}
	if r.Suspended {
		return r, nil
	}
	now := tx.Now()
	r.Elapsed, r.RunningSince = r.elapsed(now), nil
	r.Suspended, r.SuspendedAt, r.SuspendComment = true, new(now), comment
	r.log(now, "[%s] The request was suspended.", restoreServer)
	if err := cancelRestoreTicks(tx, r); err != nil {
		return nil, err
	}
	return r, putRestore(tx, r)
}

// ResumeRestoreRequest resumes a suspended request.
func ResumeRestoreRequest(tx *store.Tx, guid string) (*RestoreRequest, error) {
	r, err := GetRestoreRequest(tx, guid)
	if err != nil {
		return nil, err
	}
	if !r.Suspended || r.Outcome != "" {
		return nil, &RestoreError{Reason: RestoreNotSuspended, Identity: r.Identity()}
	}
	now := tx.Now()
	r.Suspended, r.SuspendComment, r.RunningSince, r.ResumedAt = false, "", new(now), new(now)
	r.log(now, "[%s] The request was resumed.", restoreServer)
	if err := scheduleRestoreTick(tx, r); err != nil {
		return nil, err
	}
	return r, putRestore(tx, r)
}

// SetRestoreInput holds the Set-MailboxRestoreRequest changes (nil = keep).
type SetRestoreInput struct {
	BatchName           *string
	AcceptLargeDataLoss *bool
	ConflictResolution  *string
}

// SetRestoreRequest changes a request's settings.
func SetRestoreRequest(tx *store.Tx, guid string, in SetRestoreInput) (*RestoreRequest, error) {
	r, err := GetRestoreRequest(tx, guid)
	if err != nil {
		return nil, err
	}
	if in.BatchName != nil {
		r.BatchName = *in.BatchName
	}
	if in.AcceptLargeDataLoss != nil {
		r.AcceptLargeDataLoss = *in.AcceptLargeDataLoss
	}
	if in.ConflictResolution != nil {
		r.ConflictResolution = *in.ConflictResolution
	}
	return r, putRestore(tx, r)
}

// RemoveRestoreRequest deletes a request (a running one stops; content
// already restored stays).
func RemoveRestoreRequest(tx *store.Tx, guid string) error {
	r, err := GetRestoreRequest(tx, guid)
	if err != nil {
		return err
	}
	if err := cancelRestoreTicks(tx, r); err != nil {
		return err
	}
	_, err = Requests.Delete(tx, r.RequestGuid)
	return err
}

// checkRestoreRequests verifies each restore request against the
// mailboxes: one that has not finished copies into a mailbox that exists
// (purging the target fails it), and one that is running has its next
// progress timer. (A source may be gone: the request then fails at its
// next step, as in the service.)
func checkRestoreRequests(tx *store.Tx, report func(store.Finding)) error {
	rs, err := RestoreRequests(tx)
	if err != nil {
		return err
	}
	ticks := map[string]bool{}
	timers, err := tx.PendingTimers()
	if err != nil {
		return err
	}
	for _, t := range timers {
		if t.Kind == TimerRestoreTick {
			ticks[t.Payload] = true
		}
	}
	for _, r := range rs {
		if r.Outcome != "" {
			continue
		}
		if _, err := directory.GetMailbox(tx, r.TargetGuid); store.IsNotFound(err) {
			report(store.Finding{Kind: "restoreRequest", Key: r.RequestGuid, Message: fmt.Sprintf("request %s has not finished but its target mailbox %s does not exist", r.Name, r.TargetGuid)})
		} else if err != nil {
			return err
		}
		if r.RunningSince != nil && !r.Suspended && !ticks[r.RequestGuid] {
			report(store.Finding{Kind: "restoreRequest", Key: r.RequestGuid, Message: fmt.Sprintf("request %s is running but has no progress timer", r.Name)})
		}
	}
	return nil
}
