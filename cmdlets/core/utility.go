package core

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"

	"github.com/exosim/exosim/shell/dotnet/regexengine"
	"strconv"
	"strings"

	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/cmdlets/core/management"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/automation"
	dio "github.com/exosim/exosim/shell/dotnet/io"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/provider"
	"github.com/exosim/exosim/shell/runtime"
)

// Utility cmdlets runbooks wrap around Exchange calls: Get-Random,
// Get-Unique, Compare-Object, Tee-Object, Select-String and Out-GridView.

func utilityCommands() []*command.Command {
	return []*command.Command{getRandom(), newGuid(), newTemporaryFile(), getUnique(), compareObject(), teeObject(), selectString(), outGridView(), convertToHtml()}
}

// ---------------------------------------------------------------------------
// Get-Random

// dotnetRandom is .NET's System.Random with a seed (the subtractive
// generator of Knuth), which PowerShell's Get-Random -SetSeed uses: the
// same seed gives the numbers PowerShell gives.
type dotnetRandom struct {
	seeds         [56]int32
	inext, inextp int
}

func newDotnetRandom(seed int32) *dotnetRandom {
	const mbig, mseed = math.MaxInt32, 161803398
	r := &dotnetRandom{}
	sub := int32(math.MaxInt32)
	if seed != math.MinInt32 {
		sub = seed
		if sub < 0 {
			sub = -sub
		}
	}
	mj := int32(mseed) - sub
	r.seeds[55] = mj
	mk := int32(1)
	ii := 0
	for i := 1; i < 55; i++ {
		ii += 21
		if ii >= 55 {
			ii -= 55
		}
		r.seeds[ii] = mk
		mk = mj - mk
		if mk < 0 {
			mk += mbig
		}
		mj = r.seeds[ii]
	}
	for k := 1; k < 5; k++ {
		for i := 1; i < 56; i++ {
			n := i + 30
			if n >= 55 {
				n -= 55
			}
			r.seeds[i] -= r.seeds[1+n]
			if r.seeds[i] < 0 {
				r.seeds[i] += mbig
			}
		}
	}
	r.inext, r.inextp = 0, 21
	return r
}

func (r *dotnetRandom) sample() int32 {
	r.inext++
	if r.inext >= 56 {
		r.inext = 1
	}
	r.inextp++
	if r.inextp >= 56 {
		r.inextp = 1
	}
	v := r.seeds[r.inext] - r.seeds[r.inextp]
	if v == math.MaxInt32 {
		v--
	}
	if v < 0 {
		v += math.MaxInt32
	}
	r.seeds[r.inext] = v
	return v
}

// bytes fills b as Random.NextBytes does.
func (r *dotnetRandom) bytes(b []byte) {
	for i := range b {
		b[i] = byte(r.sample())
	}
}

// psRandom is Get-Random's generator: PowerShell draws every number from
// four random bytes.
type psRandom struct {
	// r is the source, made from the seed at the first draw (generator).
	r *dotnetRandom
	// seed is the seed; with fromText the hash of seedText is.
	seed     int32
	seedText string
	fromText bool
}

func (p *psRandom) int32() int32 {
	var b [4]byte
	p.r.bytes(b[:])
	return int32(binary.LittleEndian.Uint32(b[:]))
}

func (p *psRandom) next() int32 {
	for {
		n := p.int32()
		if n == math.MaxInt32 {
			continue
		}
		if n < 0 {
			n += math.MaxInt32
		}
		return n
	}
}

func (p *psRandom) nextDouble() float64 { return float64(p.next()) * (1.0 / math.MaxInt32) }

func (p *psRandom) nextRange(min, max int32) int32 {
	rng := int64(max) - int64(min)
	if rng <= math.MaxInt32 {
		return int32(p.nextDouble()*float64(rng)) + min
	}
	var s float64
	for {
		s = float64(p.int32())
		if s != math.MaxInt32 {
			break
		}
	}
	s += math.MaxInt32
	large := s * (1.0 / (2 * float64(uint32(math.MaxInt32))))
	return int32(int64(large*float64(rng)) + int64(min))
}

func (p *psRandom) int64Range(min, max int64) int64 {
	diff := uint64(max - min)
	if diff <= math.MaxInt32 {
		return min + int64(p.nextRange(0, int32(diff)))
	}
	bits := 0
	for d := diff; d != 0; d >>= 1 {
		bits++
	}
	mask := ^uint64(0) >> (64 - bits)
	var b [8]byte
	for {
		p.r.bytes(b[:])
		u := binary.LittleEndian.Uint64(b[:]) & mask
		if u < diff {
			return int64(float64(min) + float64(u))
		}
	}
}

func (p *psRandom) doubleRange(min, max float64) float64 {
	diff := max - min
	for {
		r := p.nextDouble()
		var v float64
		if math.IsInf(diff, 0) {
			v = min + r*max - r*min
		} else {
			v = min + r*diff
			diff *= r
		}
		if v < max {
			return v
		}
	}
}

// randomSlot holds the session's Get-Random generator. Its source is made
// at the first draw (source): from the seed -SetSeed gave, else from the
// text the session started with (SeedRandomFrom), else from a fixed seed.
// The slot holds a pointer, as most of the sessions' slots do: the
// methods of a slot of any pointer are compiled once, and a session that
// starts runs no other instance of them for Get-Random's sake.
var randomSlot = command.NewSlot[*psRandom]()

// SeedRandom seeds the session's Get-Random generator (-SetSeed).
func SeedRandom(rt *runtime.Runtime, seed int32) { randomSlot.Set(rt, &psRandom{seed: seed}) }

// SeedRandomFrom gives a session that starts the text its Get-Random
// generator is seeded from (exosim gives the tenant's ID, so a runbook's
// random picks repeat run to run): hashed into the seed (SeedOf) when
// Get-Random first draws, unless -SetSeed gives one first.
func SeedRandomFrom(rt *runtime.Runtime, text string) {
	randomSlot.Set(rt, &psRandom{seedText: text, fromText: true})
}

// SeedOf hashes a text (a tenant's ID) into a seed.
func SeedOf(s string) int32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return int32(h.Sum32() & math.MaxInt32)
}

func generator(rt *runtime.Runtime) *psRandom {
	p := randomSlot.Of(rt, func() *psRandom { return &psRandom{seed: 20240301} })
	if p.r == nil {
		seed := p.seed
		if p.fromText {
			seed = SeedOf(p.seedText)
		}
		p.r = newDotnetRandom(seed)
	}
	return p
}

// randomOperand is -Minimum or -Maximum as Get-Random reads it: numbers as
// they are, text parsed as a PowerShell number literal.
func randomOperand(ctx *command.Context, name string) any {
	if !ctx.Has(name) {
		return nil
	}
	v := object.Unwrap(ctx.Value(name))
	if s, ok := v.(string); ok {
		if n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64); err == nil {
			if n >= math.MinInt32 && n <= math.MaxInt32 {
				return int(n)
			}
			return n
		}
		if f, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
			return f
		}
	}
	return v
}

// New-Guid: a GUID from the session's seeded generator (so runs repeat),
// the empty GUID with -Empty, or a string converted to a GUID.
func newGuid() *command.Command {
	c := engine.Cmdlet("New-Guid", engine.ModUtility, "NewGuidCommand")
	c.Synopsis = "Creates a GUID; exosim draws it from the tenant-seeded generator, so runs repeat."
	c.Sets = []string{"Default", "Empty", "InputObject"}
	c.DefaultSet = "Default"
	c.Params = []*params.Param{
		params.P("Empty", params.TSwitch, params.InSets(params.Set("Empty", false, -1))),
		params.P("InputObject", params.TString, params.InSets(params.SetInfo{Set: "InputObject", Position: 0, FromPipeline: true}), engine.AllowEmpty()),
	}
	c.Examples = []command.Example{
		{Code: `New-Guid`, Remark: "A new GUID."},
		{Code: `'c0c3f50b-1c2e-4a4b-9d7e-2f3c1e8a9b10' | New-Guid`, Remark: "A string read as a GUID."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		switch {
		case ctx.ParameterSet == "InputObject":
			s := ctx.String("InputObject")
			g, ok := object.ParseGuid(s)
			if !ok {
				msg := "Unrecognized Guid format."
				if s == "" {
					msg = "Value cannot be null. (Parameter 'input')"
				}
				if err := ctx.WriteError(ctx.NewError(msg, "StringNotRecognizedAsGuid", object.InvalidArgument, "FormatException", nil)); err != nil {
					return err
				}
				return ctx.WriteObject(nil)
			}
			return ctx.WriteObject(g)
		case ctx.Switch("Empty"):
			return ctx.WriteObject(object.Guid{})
		}
		return ctx.WriteObject(runtime.Of(ctx).NewGuid())
	}
	return c
}

// New-TemporaryFile creates an empty file in the temp folder as
// [IO.Path]::GetTempFileName() does (tmpXXXX.tmp, the number from the
// session's seeded generator, so runs repeat) and writes its FileInfo,
// the object Get-Item gives for the file. It asks ShouldProcess with the
// temp folder as its target before creating anything, so -WhatIf creates
// and writes nothing. A file that cannot be created stops the command
// (NewTemporaryFileWriteError).
func newTemporaryFile() *command.Command {
	c := engine.Cmdlet("New-TemporaryFile", engine.ModUtility, "NewTemporaryFileCommand")
	c.Synopsis = "Creates an empty temporary file (tmpXXXX.tmp in $env:TEMP on the simulated C: drive) and returns its FileInfo."
	c.SupportsShouldProcess = true
	c.ConfirmImpact = command.ImpactLow
	c.OutputType = "System.IO.FileInfo"
	c.Examples = []command.Example{
		{Code: `$f = New-TemporaryFile; 'x' | Set-Content $f; Remove-Item $f`, Remark: "A scratch file, written and removed."},
	}
	c.Handler.End = func(ctx *command.Context) error {
		h := runtime.Of(ctx)
		dir := dio.TempPath(h)
		if ok, err := ctx.ShouldProcess(dir, "New-TemporaryFile"); err != nil || !ok {
			return err
		}
		name, err := dio.NewTempFile(h)
		if err != nil {
			exc := "IOException"
			if t, ok := err.(interface{ ExceptionType() string }); ok {
				exc = t.ExceptionType()
			} else if t, ok := err.(*dotnet.TypedException); ok {
				exc = t.Type
			}
			exc = exc[strings.LastIndexByte(exc, '.')+1:]
			return ctx.Fail(ctx.NewError(err.Error(), "NewTemporaryFileWriteError", object.WriteError, exc, dir))
		}
		fi, err := dio.FileInfo(h, name)
		if err != nil {
			return err
		}
		return ctx.WriteObject(fi)
	}
	return c
}

func getRandom() *command.Command {
	c := engine.Cmdlet("Get-Random", engine.ModUtility, "GetRandomCommand")
	c.Synopsis = "Returns random numbers or picks random items; the generator is seeded from the tenant, so runs repeat."
	c.Sets = []string{"RandomNumberParameterSet", "RandomListItemParameterSet", "ShuffleParameterSet"}
	c.DefaultSet = "RandomNumberParameterSet"
	c.Params = []*params.Param{
		params.P("SetSeed", params.TInt),
		params.P("Maximum", params.TObject, params.InSets(params.Set("RandomNumberParameterSet", false, 0))),
		params.P("Minimum", params.TObject, params.InSets(params.Set("RandomNumberParameterSet", false, -1))),
		params.P("InputObject", params.TObjects, params.InSets(
			params.SetInfo{Set: "RandomListItemParameterSet", Mandatory: true, Position: 0, FromPipeline: true},
			params.SetInfo{Set: "ShuffleParameterSet", Mandatory: true, Position: 0, FromPipeline: true}), engine.AllowEmpty()),
		params.P("Count", params.TInt, params.InSets(params.Set("RandomNumberParameterSet", false, -1), params.Set("RandomListItemParameterSet", false, -1)), params.Range(1, math.MaxInt32)),
		params.P("Shuffle", params.TSwitch, params.InSets(params.Set("ShuffleParameterSet", true, -1))),
	}
	c.Examples = []command.Example{
		{Code: `Get-Random -Minimum 1 -Maximum 7`, Remark: "A die roll."},
		{Code: `Get-Mailbox -ResultSize 20 -WarningAction SilentlyContinue | Get-Random -Count 3 | Select-Object DisplayName`, Remark: "Three mailboxes picked at random."},
	}
	c.Handler.Begin = func(ctx *command.Context) error {
		if ctx.Has("SetSeed") {
			SeedRandom(runtime.Of(ctx), int32(ctx.Int("SetSeed")))
		}
		g := generator(runtime.Of(ctx))
		count := 1
		if ctx.Has("Count") {
			count = ctx.Int("Count")
		}
		st := getRandomSlot.Of(ctx)
		st.count = count
		// Pipeline input, or an array given as -Maximum, picks items.
		list := ctx.ParameterSet != "RandomNumberParameterSet" || ctx.ExpectingInput() && !ctx.Has("Maximum") && !ctx.Has("Minimum")
		if items, ok := ctx.Value("Maximum").([]any); ok && ctx.ParameterSet == "RandomNumberParameterSet" {
			list = true
			st.maxItems, st.hasMax = items, true
		}
		if list {
			st.list = true
			return nil
		}
		maxOp, minOp := randomOperand(ctx, "Maximum"), randomOperand(ctx, "Minimum")
		isInt := func(v any) bool { _, ok := v.(int); return v == nil || ok }
		isLong := func(v any) bool { _, ok := v.(int64); return v == nil || ok || isInt(v) }
		fail := func(min, max any) error {
			return ctx.Fail(ctx.NewError(fmt.Sprintf("The Minimum value (%s) cannot be greater than or equal to the Maximum value (%s).", runtime.Of(ctx).ToStr(min), runtime.Of(ctx).ToStr(max)), "MinGreaterThanOrEqualMax", object.InvalidArgument, "ArgumentException", nil))
		}
		switch {
		case isInt(maxOp) && isInt(minOp):
			min, max := int32(0), int32(math.MaxInt32)
			if minOp != nil {
				min = int32(minOp.(int))
			}
			if maxOp != nil {
				max = int32(maxOp.(int))
			}
			if min >= max {
				return fail(int(min), int(max))
			}
			for i := 0; i < count; i++ {
				if err := ctx.WriteObject(int(g.nextRange(min, max))); err != nil {
					return err
				}
			}
		case isLong(maxOp) && isLong(minOp):
			min, max := int64(0), int64(math.MaxInt64)
			if minOp != nil {
				min = engine.ToInt64(minOp)
			}
			if maxOp != nil {
				max = engine.ToInt64(maxOp)
			}
			if min >= max {
				return fail(min, max)
			}
			for i := 0; i < count; i++ {
				if err := ctx.WriteObject(g.int64Range(min, max)); err != nil {
					return err
				}
			}
		default:
			toF := func(v any, def float64) (float64, error) {
				if v == nil {
					return def, nil
				}
				f, err := runtime.Of(ctx).ConvertTo(v, "double")
				if err != nil {
					return 0, ctx.Fail(ctx.NewError(err.Error(), "InvalidCastException", object.InvalidArgument, "PSInvalidCastException", nil))
				}
				return f.(float64), nil
			}
			min, err := toF(minOp, 0)
			if err != nil {
				return err
			}
			max, err := toF(maxOp, math.MaxFloat64)
			if err != nil {
				return err
			}
			if min >= max {
				return fail(min, max)
			}
			for i := 0; i < count; i++ {
				if err := ctx.WriteObject(g.doubleRange(min, max)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	c.Handler.Process = func(ctx *command.Context) error {
		st := getRandomSlot.Of(ctx)
		if !st.list {
			return nil
		}
		g := generator(runtime.Of(ctx))
		items, ok := ctx.Value("InputObject").([]any)
		if !ok {
			items = []any{ctx.Value("InputObject")}
		}
		if st.hasMax {
			items = st.maxItems
			st.maxItems, st.hasMax = nil, false
		}
		if ctx.HasInput {
			items = []any{ctx.Input}
		}
		chosen, count, seen := st.chosen, st.count, st.seen
		for _, it := range items {
			switch {
			case ctx.Switch("Shuffle") || seen < count:
				chosen = append(chosen, it)
			case int(g.nextRange(0, int32(seen+1))) < count:
				chosen[g.nextRange(0, int32(len(chosen)))] = it
			}
			seen++
		}
		st.chosen, st.seen = chosen, seen
		return nil
	}
	c.Handler.End = func(ctx *command.Context) error {
		st := getRandomSlot.Of(ctx)
		if !st.list {
			return nil
		}
		g := generator(runtime.Of(ctx))
		chosen := st.chosen
		n := len(chosen)
		for i := 0; i < n; i++ {
			j := int(g.nextRange(int32(i), int32(n)))
			if err := ctx.WriteObject(chosen[j]); err != nil {
				return err
			}
			if i != j {
				chosen[j] = chosen[i]
			}
		}
		return nil
	}
	return c
}

// randomState is what one Get-Random call keeps while it picks items:
// list is set when it picks from a list rather than drawing a number.
type randomState struct {
	list   bool
	count  int
	chosen []any
	seen   int
	// maxItems is an array given as -Maximum, picked from by the first
	// Process.
	maxItems []any
	hasMax   bool
}

var getRandomSlot = command.NewInvocationSlot[randomState]()

// ---------------------------------------------------------------------------
// Get-Unique

// uniqueState is the previous object's key in one Get-Unique call.
type uniqueState struct {
	prev    any
	hasPrev bool
}

var uniqueSlot = command.NewInvocationSlot[uniqueState]()

func getUnique() *command.Command {
	c := engine.Cmdlet("Get-Unique", engine.ModUtility, "GetUniqueCommand")
	c.Synopsis = "Drops each object equal to the one before it (sort first to drop every duplicate)."
	c.Sets = []string{"AsString", "UniqueByType"}
	c.DefaultSet = "AsString"
	c.Params = []*params.Param{
		params.InputObject(),
		params.P("AsString", params.TSwitch, params.InSets(params.Set("AsString", false, -1))),
		params.P("OnType", params.TSwitch, params.InSets(params.Set("UniqueByType", false, -1))),
		params.P("CaseInsensitive", params.TSwitch),
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if !ctx.HasInput {
			return nil
		}
		v := ctx.Input
		var key any
		switch {
		case ctx.Switch("OnType"):
			key = object.TypeName(v)
		case ctx.Switch("AsString"):
			key = runtime.Of(ctx).ToStr(v)
		default:
			key = v
		}
		st := uniqueSlot.Of(ctx)
		if prev, ok := st.prev, st.hasPrev; ok {
			same := false
			if s, isStr := key.(string); isStr && (ctx.Switch("AsString") || ctx.Switch("OnType")) {
				p, _ := prev.(string)
				same = s == p || ctx.Switch("CaseInsensitive") && strings.EqualFold(s, p)
			} else if n, err := runtime.Of(ctx).CompareValues(prev, key, !ctx.Switch("CaseInsensitive")); err == nil {
				same = n == 0
			}
			if same {
				return nil
			}
		}
		st.prev, st.hasPrev = key, true
		return ctx.WriteObject(v)
	}
	return c
}

// ---------------------------------------------------------------------------
// Compare-Object

// compareEntry is one object with the values it is compared by.
type compareEntry struct {
	obj  any
	keys []any
}

func compareObject() *command.Command {
	c := engine.Cmdlet("Compare-Object", engine.ModUtility, "CompareObjectCommand")
	c.Synopsis = "Compares two sets of objects: <= only in the reference set, => only in the difference set, == in both (-IncludeEqual)."
	c.Params = []*params.Param{
		params.P("ReferenceObject", params.TObjects, params.Mandatory(), params.Position(0)), // [AllowEmptyCollection]: an empty set, not $null
		params.P("DifferenceObject", params.TObjects, params.Mandatory(), params.Position(1), params.FromPipeline()),
		params.P("SyncWindow", params.TInt),
		params.P("Property", params.TObjects),
		params.P("ExcludeDifferent", params.TSwitch),
		params.P("IncludeEqual", params.TSwitch),
		params.P("PassThru", params.TSwitch),
		params.P("Culture", params.TString),
		params.P("CaseSensitive", params.TSwitch),
	}
	c.Examples = []command.Example{
		{Code: `Compare-Object -ReferenceObject 'annb','carolo' -DifferenceObject 'annb','pilarp'`, Remark: "pilarp => and carolo <=."},
	}
	c.Handler.Begin = func(ctx *command.Context) error {
		includeEqual := ctx.Switch("IncludeEqual")
		if ctx.Switch("ExcludeDifferent") && !(ctx.Has("IncludeEqual") && !includeEqual) {
			includeEqual = true
		}
		window := math.MaxInt32
		if ctx.Has("SyncWindow") {
			window = ctx.Int("SyncWindow")
		}
		cmp := &comparer{ctx: ctx, includeEqual: includeEqual, window: window}
		refs, _ := object.Enumerate(ctx.Value("ReferenceObject"))
		for _, r := range refs {
			cmp.refs = append(cmp.refs, cmp.entry(r))
		}
		*compareSlot.Of(ctx) = cmp
		return nil
	}
	c.Handler.Process = func(ctx *command.Context) error {
		cmp := *compareSlot.Of(ctx)
		var diffs []any
		if ctx.HasInput {
			diffs = []any{ctx.Input}
		} else {
			diffs, _ = object.Enumerate(ctx.Value("DifferenceObject"))
		}
		for _, d := range diffs {
			if err := cmp.process(ptr(cmp.entry(d))); err != nil {
				return err
			}
		}
		return nil
	}
	c.Handler.End = func(ctx *command.Context) error {
		cmp := *compareSlot.Of(ctx)
		for cmp.next < len(cmp.refs) {
			if err := cmp.process(nil); err != nil {
				return err
			}
		}
		for _, d := range cmp.diffBacklog {
			if err := cmp.emit(d, "=>"); err != nil {
				return err
			}
		}
		for _, r := range cmp.refBacklog {
			if err := cmp.emit(r, "<="); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

func ptr(e compareEntry) *compareEntry { return &e }

// comparer runs PowerShell's Compare-Object: each difference object is
// matched against the next reference object, then against the backlogs
// of unmatched ones (SyncWindow long); what stays unmatched is written at
// the end, difference-only ones first.
// compareSlot holds one Compare-Object call's comparer.
var compareSlot = command.NewInvocationSlot[*comparer]()

type comparer struct {
	ctx          *command.Context
	refs         []compareEntry
	next         int
	refBacklog   []*compareEntry
	diffBacklog  []*compareEntry
	includeEqual bool
	window       int
}

func (c *comparer) entry(v any) compareEntry {
	props, _ := c.ctx.Value("Property").([]any)
	if len(props) == 0 {
		return compareEntry{obj: v, keys: []any{v}}
	}
	e := compareEntry{obj: v}
	for _, p := range props {
		switch x := p.(type) {
		case *automation.ScriptBlock:
			r, _ := runtime.Of(c.ctx).EvalScriptBlock(x, v)
			e.keys = append(e.keys, r)
		default:
			e.keys = append(e.keys, object.PropertyValue(v, runtime.Of(c.ctx).ToStr(x)))
		}
	}
	return e
}

func (c *comparer) equal(a, b *compareEntry) bool {
	cs := c.ctx.Switch("CaseSensitive")
	for i := range a.keys {
		n, err := runtime.Of(c.ctx).CompareValues(a.keys[i], b.keys[i], cs)
		if err != nil || n != 0 {
			return false
		}
	}
	return true
}

func (c *comparer) matchAndRemove(e *compareEntry, list *[]*compareEntry) *compareEntry {
	if e == nil {
		return nil
	}
	for i, x := range *list {
		if c.equal(e, x) {
			*list = append((*list)[:i:i], (*list)[i+1:]...)
			return x
		}
	}
	return nil
}

func (c *comparer) process(diff *compareEntry) error {
	var ref *compareEntry
	if c.next < len(c.refs) {
		ref = &c.refs[c.next]
		c.next++
	}
	if ref != nil && diff != nil && c.equal(ref, diff) {
		return c.emit(ref, "==")
	}
	if m := c.matchAndRemove(diff, &c.refBacklog); m != nil {
		if err := c.emit(m, "=="); err != nil {
			return err
		}
		diff = nil
	}
	if m := c.matchAndRemove(ref, &c.diffBacklog); m != nil {
		if err := c.emit(ref, "=="); err != nil {
			return err
		}
		ref = nil
	}
	if diff != nil {
		if c.window > 0 {
			for len(c.diffBacklog) >= c.window {
				if err := c.emit(c.diffBacklog[0], "=>"); err != nil {
					return err
				}
				c.diffBacklog = c.diffBacklog[1:]
			}
			c.diffBacklog = append(c.diffBacklog, diff)
		} else if err := c.emit(diff, "=>"); err != nil {
			return err
		}
	}
	if ref != nil {
		if c.window > 0 {
			for len(c.refBacklog) >= c.window {
				if err := c.emit(c.refBacklog[0], "<="); err != nil {
					return err
				}
				c.refBacklog = c.refBacklog[1:]
			}
			c.refBacklog = append(c.refBacklog, ref)
		} else if err := c.emit(ref, "<="); err != nil {
			return err
		}
	}
	return nil
}

func (c *comparer) emit(e *compareEntry, side string) error {
	ctx := c.ctx
	if side == "==" && !c.includeEqual || side != "==" && ctx.Switch("ExcludeDifferent") {
		return nil
	}
	var o *object.PSObject
	if ctx.Switch("PassThru") {
		if p, ok := e.obj.(*object.PSObject); ok {
			o = p
		} else {
			o = object.NewObject(object.TypeNames(e.obj)...)
			o.Base = e.obj
		}
	} else {
		o = object.NewCustomObject()
		props, _ := ctx.Value("Property").([]any)
		if len(props) == 0 {
			o.Add("InputObject", e.obj)
		} else {
			for i, p := range props {
				name := runtime.Of(ctx).ToStr(p)
				if sb, ok := p.(*automation.ScriptBlock); ok {
					name = runtime.Of(ctx).ToStr(sb)
				}
				if o.Property(name) == nil {
					o.Add(name, e.keys[i])
				}
			}
		}
	}
	o.Remove("SideIndicator")
	o.Add("SideIndicator", side)
	return ctx.WriteObject(o)
}

// ---------------------------------------------------------------------------
// Tee-Object

// teeSlot holds the file one Tee-Object call writes (nil when it fills a
// variable).
var teeSlot = command.NewInvocationSlot[*fileSink]()

func teeObject() *command.Command {
	c := engine.Cmdlet("Tee-Object", engine.ModUtility, "TeeObjectCommand")
	c.Synopsis = "Saves pipeline objects in a file or variable and passes them on."
	c.Sets = []string{"File", "LiteralFile", "Variable"}
	c.DefaultSet = "File"
	c.Params = []*params.Param{
		params.InputObject(),
		params.P("FilePath", params.TString, params.InSets(params.Set("File", true, 0)), params.Alias("Path")),
		params.P("LiteralPath", params.TString, params.InSets(params.Set("LiteralFile", true, -1)), params.Alias("PSPath", "LP")),
		params.P("Append", params.TSwitch, params.InSets(params.Set("File", false, -1), params.Set("LiteralFile", false, -1))),
		management.EncodingParam(params.InSets(params.Set("File", false, -1), params.Set("LiteralFile", false, -1))),
		params.P("Variable", params.TString, params.InSets(params.Set("Variable", true, -1))),
	}
	c.Handler.Begin = func(ctx *command.Context) error {
		if ctx.ParameterSet == "Variable" {
			return nil
		}
		enc, err := management.EncodingOf(ctx)
		if err != nil {
			return err
		}
		path := ctx.String("FilePath")
		if ctx.ParameterSet == "LiteralFile" {
			path = ctx.String("LiteralPath")
		}
		rp, err := provider.ResolveFile(runtime.Of(ctx).Files(), path)
		if err != nil {
			return ctx.Fail(management.FileError(ctx, err, management.FileOpenID(err), nil))
		}
		sink := &fileSink{ctx: ctx, path: rp.String(), enc: enc, appendTo: ctx.Switch("Append")}
		if err := sink.flush(); err != nil {
			return err
		}
		*teeSlot.Of(ctx) = sink
		return nil
	}
	c.Handler.Process = func(ctx *command.Context) error {
		in, ok := ctx.ProcessInput()
		if !ok {
			return nil
		}
		if sink := *teeSlot.Of(ctx); sink != nil {
			if err := sink.write(renderText(ctx, []any{in}, 0)); err != nil {
				return err
			}
		} else {
			ctx.Collect(in)
		}
		return ctx.WriteObject(in)
	}
	c.Handler.End = func(ctx *command.Context) error {
		if sink := *teeSlot.Of(ctx); sink != nil {
			return sink.flush()
		}
		items := ctx.Collected()
		var v any = items
		if len(items) == 1 {
			v = items[0]
		}
		runtime.Of(ctx).Scope().Set(ctx.String("Variable"), v)
		return nil
	}
	return c
}

// ---------------------------------------------------------------------------
// Select-String

// TypeMatchInfo is Select-String's result type.
const TypeMatchInfo = "Microsoft.PowerShell.Commands.MatchInfo"

// matchInfo is one matching line and where it came from.
type matchInfo struct {
	line       string
	lineNumber int
	path       string // "InputStream" for pipeline input
	fromFile   bool
	pattern    string
	ignoreCase bool
	matches    []any
	pre, post  []string
	context    bool
}

func (m *matchInfo) object(rt *runtime.Runtime) *object.PSObject {
	o := object.NewObject(TypeMatchInfo, "System.Object")
	name := m.path
	if m.fromFile {
		name = m.path[strings.LastIndexAny(m.path, `/\`)+1:]
	}
	o.AddTyped("IgnoreCase", "bool", m.ignoreCase)
	o.AddTyped("LineNumber", "int", m.lineNumber)
	o.AddTyped("Line", "string", m.line)
	o.AddTyped("Filename", "string", name)
	o.AddTyped("Path", "string", m.path)
	o.AddTyped("Pattern", "string", m.pattern)
	var ctxObj any
	if m.context {
		c := object.NewObject("Microsoft.PowerShell.Commands.MatchInfoContext", "System.Object")
		c.AddTyped("PreContext", "string[]", dotnet.Strings(m.pre))
		c.AddTyped("PostContext", "string[]", dotnet.Strings(m.post))
		c.AddTyped("DisplayPreContext", "string[]", dotnet.Strings(m.pre))
		c.AddTyped("DisplayPostContext", "string[]", dotnet.Strings(m.post))
		ctxObj = c
	}
	o.AddTyped("Context", "Microsoft.PowerShell.Commands.MatchInfoContext", ctxObj)
	o.AddTyped("Matches", "System.Text.RegularExpressions.Match[]", m.matches)
	mi := *m
	ns := rt.Files()
	// A file's path shows relative to the current location, as in
	// PowerShell's display of MatchInfo.
	o.ToStringFunc = func() string { return mi.text(ns, ns.Location().ProviderPath()) }
	return o
}

// text is MatchInfo.ToString: the line (with its path and number for a
// file, the path relative to dir), and with -Context the lines around
// it marked "  " and the match "> ".
func (m *matchInfo) text(ns *fsys.Namespace, dir string) string {
	path := m.path
	if m.fromFile && dir != "" && len(path) > len(dir) && strings.EqualFold(path[:len(dir)], dir) {
		rest := path[len(dir):]
		if strings.HasSuffix(dir, "/") || strings.HasSuffix(dir, `\`) {
			path = rest
		} else if rest[0] == '/' || rest[0] == '\\' {
			path = rest[1:]
		}
	}
	format := func(prefix, line string, n int) string {
		if m.fromFile {
			return fmt.Sprintf("%s%s:%d:%s", prefix, path, n, line)
		}
		return prefix + line
	}
	line := m.line
	if !m.context {
		return format("", line, m.lineNumber)
	}
	var out []string
	n := m.lineNumber - len(m.pre)
	for _, l := range m.pre {
		out = append(out, format("  ", l, n))
		n++
	}
	out = append(out, format("> ", line, n))
	n++
	for _, l := range m.post {
		out = append(out, format("  ", l, n))
		n++
	}
	return strings.Join(out, "\n")
}

// matcher holds Select-String's compiled patterns.
// selectStringState is what one Select-String call keeps: its patterns,
// the lines around matches, and done once -Quiet has its answer.
type selectStringState struct {
	matcher *matcher
	tracker *tracker
	done    bool
}

var selectStringSlot = command.NewInvocationSlot[selectStringState]()

type matcher struct {
	patterns []string
	res      []*regexengine.Regexp
	simple   bool
	cs       bool
	all      bool
	not      bool
}

// match reports whether a line matches, the pattern that did and the
// match objects (none for -SimpleMatch and -NotMatch); the error is a
// search past the regular expression engine's bounds.
func (mt *matcher) match(line string) (bool, string, []any, error) {
	for i, p := range mt.patterns {
		if mt.simple {
			found := strings.Contains(line, p)
			if !mt.cs {
				found = strings.Contains(strings.ToLower(line), strings.ToLower(p))
			}
			if found {
				return !mt.not, p, nil, nil
			}
			continue
		}
		re := mt.res[i]
		n := 1
		if mt.all {
			n = -1
		}
		locs, err := re.FindAll(line, n)
		if err != nil {
			return false, p, nil, err
		}
		if len(locs) == 0 {
			continue
		}
		if mt.not {
			return false, p, nil, nil
		}
		ms := make([]any, 0, len(locs))
		for _, l := range locs {
			ms = append(ms, runtime.RegexMatch(re, line, l))
		}
		return true, p, ms, nil
	}
	return mt.not, "", nil, nil
}

func selectString() *command.Command {
	c := engine.Cmdlet("Select-String", engine.ModUtility, "SelectStringCommand")
	c.Synopsis = "Finds text matching a pattern in strings or files (MatchInfo objects: Line, LineNumber, Path, Matches)."
	c.Sets = []string{"File", "ObjectRaw", "Object", "LiteralFileRaw", "LiteralFile", "FileRaw"}
	c.DefaultSet = "File"
	objSets := []params.SetInfo{{Set: "Object", Mandatory: true, Position: -1, FromPipeline: true}, {Set: "ObjectRaw", Mandatory: true, Position: -1, FromPipeline: true}}
	c.Params = []*params.Param{
		params.P("InputObject", params.TPSObject, params.InSets(objSets...), engine.AllowEmpty()),
		params.P("Pattern", params.TStrings, params.Mandatory(), params.Position(0)),
		params.P("Path", params.TStrings, params.InSets(params.SetInfo{Set: "File", Mandatory: true, Position: 1, FromPipelineByName: true}, params.SetInfo{Set: "FileRaw", Mandatory: true, Position: 1, FromPipelineByName: true})),
		params.P("LiteralPath", params.TStrings, params.InSets(params.SetInfo{Set: "LiteralFile", Mandatory: true, Position: -1, FromPipelineByName: true}, params.SetInfo{Set: "LiteralFileRaw", Mandatory: true, Position: -1, FromPipelineByName: true}), params.Alias("PSPath", "LP")),
		params.P("Raw", params.TSwitch, params.InSets(params.Set("ObjectRaw", true, -1), params.Set("FileRaw", true, -1), params.Set("LiteralFileRaw", true, -1))),
		params.P("SimpleMatch", params.TSwitch),
		params.P("CaseSensitive", params.TSwitch),
		params.P("Quiet", params.TSwitch),
		params.P("List", params.TSwitch),
		params.P("NoEmphasis", params.TSwitch),
		params.P("Include", params.TStrings),
		params.P("Exclude", params.TStrings),
		params.P("NotMatch", params.TSwitch),
		params.P("AllMatches", params.TSwitch),
		management.EncodingParam(),
		params.P("Context", &params.Type{Kind: params.KindInt, Name: "Int32[]", FullName: "System.Int32[]", Array: true}),
		params.P("Culture", params.TString),
	}
	c.Examples = []command.Example{
		{Code: `'ok','error: quota','ok' | Select-String 'error'`, Remark: "Finds the error line."},
	}
	c.Handler.Begin = func(ctx *command.Context) error {
		mt := &matcher{patterns: ctx.Strings("Pattern"), simple: ctx.Switch("SimpleMatch"), cs: ctx.Switch("CaseSensitive"), all: ctx.Switch("AllMatches"), not: ctx.Switch("NotMatch")}
		if !mt.simple {
			for _, p := range mt.patterns {
				re, err := runtime.Of(ctx).Regex(p, mt.cs)
				if err != nil {
					return ctx.Fail(ctx.NewError(err.Error(), "InvalidRegex", object.InvalidArgument, "ArgumentException", p))
				}
				mt.res = append(mt.res, re)
			}
		}
		st := selectStringSlot.Of(ctx)
		st.matcher = mt
		pre, post := 0, 0
		if ctxs, ok := object.Enumerate(ctx.Value("Context")); ok && len(ctxs) > 0 {
			pre = int(engine.ToInt64(ctxs[0]))
			post = pre
			if len(ctxs) > 1 {
				post = int(engine.ToInt64(ctxs[1]))
			}
		} else if ctx.Has("Context") {
			pre = int(engine.ToInt64(ctx.Value("Context")))
			post = pre
		}
		st.tracker = &tracker{pre: pre, post: post, context: ctx.Has("Context")}
		return nil
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if selectStringSlot.Of(ctx).done {
			return nil
		}
		if ctx.ParameterSet == "Object" || ctx.ParameterSet == "ObjectRaw" {
			v := ctx.Input
			if !ctx.HasInput {
				v = ctx.Value("InputObject")
			}
			if o, ok := v.(*object.PSObject); ok && hasType(o, management.TypeFileInfo) {
				path, _ := o.Value("PSPath").(string)
				return selectInFiles(ctx, []string{path}, true)
			}
			tr := selectStringSlot.Of(ctx).tracker
			tr.n++
			return tr.line(ctx, runtime.Of(ctx).ToStr(v), "InputStream", false)
		}
		paths, literal := management.PathArgs(ctx)
		return selectInFiles(ctx, paths, literal)
	}
	c.Handler.End = func(ctx *command.Context) error {
		if selectStringSlot.Of(ctx).done {
			return nil
		}
		tr := selectStringSlot.Of(ctx).tracker
		return tr.flush(ctx)
	}
	return c
}

func hasType(o *object.PSObject, name string) bool {
	for _, t := range o.TypeNames {
		if t == name {
			return true
		}
	}
	return false
}

// tracker keeps the lines around matches for -Context and writes each
// match once its following lines are known.
type tracker struct {
	pre, post int
	context   bool
	before    []string
	pending   []*matchInfo
	n         int
	found     bool
}

func (t *tracker) line(ctx *command.Context, line, path string, fromFile bool) error {
	mt := selectStringSlot.Of(ctx).matcher
	for _, p := range t.pending {
		if len(p.post) < t.post {
			p.post = append(p.post, line)
		}
	}
	if err := t.emitReady(ctx, false); err != nil {
		return err
	}
	ok, pattern, matches, err := mt.match(line)
	if err != nil {
		return ctx.Fail(ctx.NewError(err.Error(), "RegexMatchTimeout", object.OperationTimeout, "RegexMatchTimeoutException", line))
	}
	if ok {
		if pattern == "" {
			pattern = mt.patterns[0]
		}
		m := &matchInfo{line: line, lineNumber: t.n, path: path, fromFile: fromFile, pattern: pattern, ignoreCase: !mt.cs, matches: matches, context: t.context}
		if matches == nil {
			m.matches = []any{}
		}
		m.pre = append([]string(nil), t.before...)
		t.pending = append(t.pending, m)
		if err := t.emitReady(ctx, false); err != nil {
			return err
		}
	}
	if t.pre > 0 {
		t.before = append(t.before, line)
		if len(t.before) > t.pre {
			t.before = t.before[1:]
		}
	}
	return nil
}

// emitReady writes the pending matches that have their following lines
// (all of them at the end of the input).
func (t *tracker) emitReady(ctx *command.Context, end bool) error {
	for len(t.pending) > 0 && (end || len(t.pending[0].post) >= t.post) {
		m := t.pending[0]
		t.pending = t.pending[1:]
		if selectStringSlot.Of(ctx).done {
			continue
		}
		if err := emitMatch(ctx, m); err != nil {
			return err
		}
		t.found = true
	}
	return nil
}

func (t *tracker) flush(ctx *command.Context) error { return t.emitReady(ctx, true) }

func emitMatch(ctx *command.Context, m *matchInfo) error {
	switch {
	case ctx.Switch("Raw"):
		return ctx.WriteObject(m.line)
	case ctx.Switch("Quiet") && !ctx.Switch("List"):
		selectStringSlot.Of(ctx).done = true
		if err := ctx.WriteObject(true); err != nil {
			return err
		}
		return runtime.ErrStopUpstream
	}
	o := m.object(runtime.Of(ctx))
	if ctx.Switch("NoEmphasis") {
		o.TypeNames = append([]string{TypeMatchInfo + "#NoEmphasis"}, o.TypeNames...)
	}
	return ctx.WriteObject(o)
}

// selectInFiles searches files line by line.
func selectInFiles(ctx *command.Context, paths []string, literal bool) error {
	enc, err := management.EncodingOf(ctx)
	if err != nil {
		return err
	}
	ns := runtime.Of(ctx).Files()
	any := false
	for _, p := range paths {
		rps, err := management.ResolveAll(ctx, p, literal)
		if err != nil {
			return err
		}
		for _, rp := range rps {
			it, ok := management.Lookup(runtime.Of(ctx), rp)
			if !ok {
				if err := ctx.WriteError(management.PathNotFound(ctx, rp.String())); err != nil {
					return err
				}
				continue
			}
			if it.Info == nil || it.Info.IsDir() || !management.KeepChild(ctx, it) {
				continue
			}
			tr := selectStringSlot.Of(ctx).tracker
			ft := &tracker{pre: tr.pre, post: tr.post, context: tr.context}
			r, err := management.OpenText(ns, it.Path, enc)
			if err != nil {
				if err := ctx.WriteError(management.ReadError(ctx, err, it.Path, "ProcessingFile")); err != nil {
					return err
				}
				continue
			}
			full := it.Path.ProviderPath()
			for {
				line, ok := r.Line()
				if !ok {
					break
				}
				ft.n++
				if err := ft.line(ctx, line, full, true); err != nil {
					r.Close()
					return err
				}
				if ctx.Switch("List") && ft.found {
					break
				}
			}
			r.Close()
			if r.Err != nil {
				if err := ctx.WriteError(management.ReadError(ctx, r.Err, it.Path, "ProcessingFile")); err != nil {
					return err
				}
			}
			if err := ft.flush(ctx); err != nil {
				return err
			}
			any = any || ft.found
			if selectStringSlot.Of(ctx).done {
				return nil
			}
		}
	}
	if ctx.Switch("Quiet") && !ctx.Switch("List") && !any {
		return ctx.WriteObject(false)
	}
	return nil
}

// matchInfoView shows a MatchInfo as its text, the matches in reverse
// video on a terminal (unless -NoEmphasis).
func matchInfoView(r *format.Registry) {
	r.Add(&format.View{
		Name: "MatchInfo", TypeNames: []string{TypeMatchInfo}, Kind: format.CustomView,
		Custom: func(v any, o *format.Options) []string {
			text := object.ToInvariantString(v)
			lines := strings.Split(text, "\n")
			if o == nil || !o.Color || hasType(v.(*object.PSObject), TypeMatchInfo+"#NoEmphasis") {
				return lines
			}
			line, _ := object.PropertyValue(v, "Line").(string)
			emph := emphasized(line, object.PropertyValue(v, "Matches"))
			for i, l := range lines {
				if (len(lines) == 1 || strings.HasPrefix(l, "> ")) && strings.HasSuffix(l, line) {
					lines[i] = l[:len(l)-len(line)] + emph
					break
				}
			}
			return lines
		},
	})
}

// emphasized puts the matched parts of a line in reverse video.
func emphasized(line string, matches any) string {
	ms, _ := object.Enumerate(matches)
	rs := []rune(line)
	var b strings.Builder
	at := 0
	for _, m := range ms {
		idx, _ := object.PropertyValue(m, "Index").(int)
		n, _ := object.PropertyValue(m, "Length").(int)
		if idx < at || idx+n > len(rs) || n == 0 {
			continue
		}
		b.WriteString(string(rs[at:idx]))
		b.WriteString("\x1b[7m" + string(rs[idx:idx+n]) + "\x1b[0m")
		at = idx + n
	}
	b.WriteString(string(rs[at:]))
	return b.String()
}

// ---------------------------------------------------------------------------
// Out-GridView

func outGridView() *command.Command {
	c := engine.Cmdlet("Out-GridView", engine.ModUtility, "OutGridViewCommand")
	c.Synopsis = "Shows objects as a table in the console (PowerShell 7 has the grid window only on Windows); -PassThru passes every row on."
	c.Description = "PowerShell 7 has Out-GridView only on Windows, where it opens a window in which the user picks rows. " +
		"exosim prints the objects as a table in the console instead, under the -Title when one is given. With -PassThru " +
		"or -OutputMode Multiple every row counts as selected and passes down the pipeline; with -OutputMode Single the first row does."
	c.Sets = []string{"PassThru", "Wait", "OutputMode"}
	c.DefaultSet = "PassThru"
	c.Params = []*params.Param{
		params.InputObject(),
		params.P("Title", params.TString),
		params.P("Wait", params.TSwitch, params.InSets(params.Set("Wait", false, -1))),
		params.P("OutputMode", params.DotNetEnumType("OutputModeOption", "Microsoft.PowerShell.Commands.OutputModeOption", "None", "Single", "Multiple"), params.InSets(params.Set("OutputMode", false, -1))),
		params.P("PassThru", params.TSwitch, params.InSets(params.Set("PassThru", false, -1))),
	}
	c.Examples = []command.Example{
		{Code: `Get-Mailbox -ResultSize 3 -WarningAction SilentlyContinue | Select-Object DisplayName, Alias | Out-GridView -Title 'Mailboxes'`, Remark: "Prints the table under the title."},
		{Code: `Get-Mailbox -ResultSize 3 -WarningAction SilentlyContinue | Out-GridView -PassThru | Select-Object -First 1 Alias`, Remark: "Every row counts as selected."},
	}
	c.Handler.Process = command.CollectInput
	c.Handler.End = func(ctx *command.Context) error {
		items := ctx.Collected()
		if t := ctx.String("Title"); t != "" {
			ctx.WriteHost(t)
		}
		if len(items) > 0 {
			spec := &format.Spec{Kind: format.TableView}
			for _, it := range items {
				runtime.Of(ctx).WriteToHost(&format.Shaped{Spec: spec, Value: it})
			}
			// the table is complete: shown before what the script writes next
			runtime.Of(ctx).WriteToHost(&format.Shaped{Spec: spec, Mark: format.FormatEndMark})
		}
		mode := ctx.String("OutputMode")
		if ctx.Switch("PassThru") {
			mode = "Multiple"
		}
		switch mode {
		case "Multiple":
			for _, it := range items {
				if err := ctx.WriteObject(it); err != nil {
					return err
				}
			}
		case "Single":
			if len(items) > 0 {
				return ctx.WriteObject(items[0])
			}
		}
		return nil
	}
	return c
}
