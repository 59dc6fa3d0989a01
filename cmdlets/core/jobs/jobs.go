// Package jobs is PowerShell's job cmdlets (Start-Job, Start-ThreadJob,
// Receive-Job, Wait-Job, Get-Job, Remove-Job, Stop-Job) over the one
// runspace exosim has, and the table jobs are shown in.
package jobs

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
	"github.com/exosim/exosim/shell/wildcard"
)

// Jobs: exosim has one runspace, so Start-Job and Start-ThreadJob run the
// script block in the session, to the end, when the job starts (a child
// scope; -ArgumentList binds as it would). The job object then behaves as
// a finished job does: State Completed (Failed when a terminating error
// stopped it), HasMoreData while output is held, Receive-Job writing the
// output and the errors the script wrote, Wait-Job returning at once.
// Caller variables are visible to the script block (a real job sees only
// $using: ones).

const (
	typeThreadJob     = "ThreadJob.ThreadJob"
	typeBackgroundJob = "System.Management.Automation.PSRemotingJob"
)

// job is one job of the session.
type job struct {
	obj    *object.PSObject
	id     int
	name   string
	output []any
}

// jobTable is the session's jobs, in start order.
type jobTable struct {
	mu   sync.Mutex
	next int
	jobs []*job
}

// jobsSlot holds the session's jobs.
var jobsSlot = command.NewSlot[*jobTable]()

func jobsOf(rt *runtime.Runtime) *jobTable {
	return jobsSlot.Of(rt, func() *jobTable { return &jobTable{next: 1} })
}

// Cmdlets declares the job cmdlets by name, built the first time a
// session resolves one of them.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Start-Job", "Start-ThreadJob", "Receive-Job", "Wait-Job", "Get-Job", "Remove-Job", "Stop-Job"}, Build: jobCommands},
}}

// ViewTypes are the type names Views registers views for.
var ViewTypes = []string{typeThreadJob, typeBackgroundJob}

func jobCommands() []*command.Command {
	return []*command.Command{startJob("Start-Job", engine.ModCore), startJob("Start-ThreadJob", "ThreadJob"),
		receiveJob(), waitJob(), getJob(), removeJob(), stopJob()}
}

// jobWrapper runs a job's script block with its arguments, its errors
// merged into its output so the job holds them for Receive-Job.
var jobWrapper = lazy.Value[*automation.ScriptBlock]{Build: func() *automation.ScriptBlock {
	sb, errs := parser.Parse(syntax.NewSource("", "param($__exosimJobBlock, $__exosimJobArgs) & $__exosimJobBlock @__exosimJobArgs 2>&1"))
	if errs != nil {
		panic(errs)
	}
	return &automation.ScriptBlock{AST: sb}
}}

func startJob(name, module string) *command.Command {
	c := engine.Declared(name, module)
	c.Synopsis = "Runs a script block as a job: in exosim, in the session, to the end, when the job starts."
	c.Handler.Process = func(ctx *command.Context) error {
		sb, ok := object.Unwrap(ctx.Value("ScriptBlock")).(*automation.ScriptBlock)
		if !ok {
			return ctx.Fail(ctx.NewError(fmt.Sprintf("exosim runs only -ScriptBlock jobs; %s with -%s is not simulated.", name, firstBound(ctx)),
				"ParameterSetNotSimulated", object.NotImplemented, "NotImplementedException", nil))
		}
		var args []any
		if v := ctx.Value("ArgumentList"); v != nil {
			args = listOf(v)
		}
		t := jobsOf(runtime.Of(ctx))
		t.mu.Lock()
		id := t.next
		t.next++
		t.mu.Unlock()
		j := &job{id: id, name: ctx.String("Name")}
		if j.name == "" {
			j.name = fmt.Sprintf("Job%d", id)
		}
		begin := runtime.Of(ctx).Now()
		state := "Completed"
		err := runtime.Of(ctx).InvokeWithArguments(jobWrapper.Get(), []any{sb, args}, func(v any) error {
			j.output = append(j.output, v)
			return nil
		})
		var pe *pserror.Error
		if errors.As(err, &pe) {
			state = "Failed"
			j.output = append(j.output, pe.Record)
		} else if err != nil {
			return err
		}
		typeName, jobType := typeBackgroundJob, "BackgroundJob"
		if name == "Start-ThreadJob" {
			typeName, jobType = typeThreadJob, "ThreadJob"
		}
		o := object.NewObject(typeName, "System.Management.Automation.Job", "System.Object")
		o.AddTyped("Id", "System.Int32", id)
		o.AddTyped("Name", "System.String", j.name)
		o.AddTyped("PSJobTypeName", "System.String", jobType)
		o.AddTyped("State", "System.Management.Automation.JobState", state)
		o.AddTyped("HasMoreData", "System.Boolean", len(j.output) > 0)
		o.AddTyped("Location", "System.String", "localhost")
		o.AddTyped("Command", "System.String", strings.TrimSpace(sb.Text()))
		o.AddTyped("PSBeginTime", "System.DateTime", begin)
		o.AddTyped("PSEndTime", "System.DateTime", runtime.Of(ctx).Now())
		j.obj = o
		t.mu.Lock()
		t.jobs = append(t.jobs, j)
		t.mu.Unlock()
		return ctx.WriteObject(o)
	}
	return c
}

// firstBound names a bound parameter of the call, for an error.
func firstBound(ctx *command.Context) string {
	for k := range ctx.Bound() {
		return k
	}
	return "ScriptBlock"
}

// selectJobs returns the session's jobs a call names by -Job, -Id, -Name
// or -State (all of them when it names none), writing an error for each
// -Id or -Name that matches none.
func selectJobs(ctx *command.Context) ([]*job, error) {
	t := jobsOf(runtime.Of(ctx))
	t.mu.Lock()
	all := append([]*job(nil), t.jobs...)
	t.mu.Unlock()
	switch {
	case ctx.Has("Job"):
		var out []*job
		for _, v := range listOf(ctx.Value("Job")) {
			o, _ := object.Unwrap(v).(*object.PSObject)
			for _, j := range all {
				if j.obj == o {
					out = append(out, j)
				}
			}
		}
		return out, nil
	case ctx.Has("Id"):
		var out []*job
		for _, v := range listOf(ctx.Value("Id")) {
			id, _ := strconv.Atoi(object.ToInvariantString(v))
			var found bool
			if out, found = pick(out, all, func(j *job) bool { return j.id == id }); !found {
				if err := ctx.WriteError(ctx.NewError(fmt.Sprintf("The command cannot find a job with the job ID %d. Verify the value of the Id parameter and then try the command again.", id),
					"JobWithSpecifiedSessionNotFound", object.ObjectNotFound, "ArgumentException", id)); err != nil {
					return nil, err
				}
			}
		}
		return out, nil
	case ctx.Has("Name"):
		var out []*job
		for _, n := range ctx.Strings("Name") {
			var found bool
			if out, found = pick(out, all, func(j *job) bool { return wildcard.Match(n, j.name) }); !found && !wildcard.Has(n) {
				if err := ctx.WriteError(ctx.NewError(fmt.Sprintf("The command cannot find the job because the job name %s was not found. Verify the value of the Name parameter, and then try the command again.", n),
					"JobWithSpecifiedNameNotFound", object.ObjectNotFound, "ArgumentException", n)); err != nil {
					return nil, err
				}
			}
		}
		return out, nil
	case ctx.Has("State"):
		out, _ := pick(nil, all, func(j *job) bool {
			s, _ := j.obj.Get("State")
			return strings.EqualFold(object.ToInvariantString(s), ctx.String("State"))
		})
		return out, nil
	}
	return all, nil
}

// pick appends to out the jobs of all that match accepts, in order, and
// reports whether there was one.
func pick(out, all []*job, match func(*job) bool) ([]*job, bool) {
	found := false
	for _, j := range all {
		if match(j) {
			out, found = append(out, j), true
		}
	}
	return out, found
}

// jobCmdlet declares the cmdlet name, which acts on the jobs a call names
// (selectJobs).
func jobCmdlet(name, synopsis string, act func(ctx *command.Context, jobs []*job) error) *command.Command {
	c := engine.Declared(name, engine.ModCore)
	c.Synopsis = synopsis
	c.Handler.Process = func(ctx *command.Context) error {
		jobs, err := selectJobs(ctx)
		if err != nil {
			return err
		}
		return act(ctx, jobs)
	}
	return c
}

// writeJobs writes the objects of jobs (only the first one's with first).
func writeJobs(ctx *command.Context, jobs []*job, first bool) error {
	for _, j := range jobs {
		if err := ctx.WriteObject(j.obj); err != nil {
			return err
		}
		if first {
			break
		}
	}
	return nil
}

func receiveJob() *command.Command {
	return jobCmdlet("Receive-Job", "Writes the output a job holds (and the errors it wrote); without -Keep the job no longer holds them.", func(ctx *command.Context, jobs []*job) error {
		for _, j := range jobs {
			out := j.output
			if !ctx.Switch("Keep") {
				j.output = nil
				j.obj.Set("HasMoreData", false)
			}
			for _, v := range out {
				if rec, ok := v.(*object.ErrorRecord); ok {
					if err := ctx.WriteError(rec); err != nil {
						return err
					}
					continue
				}
				if err := ctx.WriteObject(v); err != nil {
					return err
				}
			}
			if ctx.Switch("AutoRemoveJob") && ctx.Switch("Wait") {
				removeJobs(runtime.Of(ctx), []*job{j})
			}
		}
		return nil
	})
}

func waitJob() *command.Command {
	return jobCmdlet("Wait-Job", "Returns the jobs named: in exosim every job has already finished.", func(ctx *command.Context, jobs []*job) error {
		return writeJobs(ctx, jobs, ctx.Switch("Any"))
	})
}

func getJob() *command.Command {
	return jobCmdlet("Get-Job", "Gets the session's jobs.", func(ctx *command.Context, jobs []*job) error {
		return writeJobs(ctx, jobs, false)
	})
}

func removeJob() *command.Command {
	return jobCmdlet("Remove-Job", "Removes jobs from the session.", func(ctx *command.Context, jobs []*job) error {
		var gone []*job
		for _, j := range jobs {
			ok, err := ctx.ShouldProcess(j.name, "Remove-Job")
			if err != nil {
				return err
			}
			if ok {
				gone = append(gone, j)
			}
		}
		removeJobs(runtime.Of(ctx), gone)
		return nil
	})
}

func stopJob() *command.Command {
	return jobCmdlet("Stop-Job", "Stops jobs: in exosim every job has already finished, so nothing changes.", func(ctx *command.Context, jobs []*job) error {
		if !ctx.Switch("PassThru") {
			return nil
		}
		return writeJobs(ctx, jobs, false)
	})
}

func removeJobs(rt *runtime.Runtime, gone []*job) {
	t := jobsOf(rt)
	t.mu.Lock()
	defer t.mu.Unlock()
	kept := t.jobs[:0]
	for _, j := range t.jobs {
		drop := false
		for _, g := range gone {
			drop = drop || g == j
		}
		if !drop {
			kept = append(kept, j)
		}
	}
	t.jobs = kept
}

// Views registers the table PowerShell shows jobs in.
func Views(r *format.Registry) {
	r.Add(&format.View{
		Name: "Job", TypeNames: []string{typeThreadJob, typeBackgroundJob}, Kind: format.TableView,
		Columns: []format.Column{
			{Label: "Id", Width: 6, Align: format.AlignRight, Property: "Id"},
			{Label: "Name", Width: 16, Align: format.AlignLeft, Property: "Name"},
			{Label: "PSJobTypeName", Width: 15, Align: format.AlignLeft, Property: "PSJobTypeName"},
			{Label: "State", Width: 13, Align: format.AlignLeft, Property: "State"},
			{Label: "HasMoreData", Width: 13, Align: format.AlignLeft, Property: "HasMoreData"},
			{Label: "Location", Width: 20, Align: format.AlignLeft, Property: "Location"},
			{Label: "Command", Align: format.AlignLeft, Property: "Command"},
		},
	})
}

// listOf is a value's elements, or the value alone.
func listOf(v any) []any {
	if l, ok := object.Enumerate(object.Unwrap(v)); ok {
		return l
	}
	return []any{v}
}
