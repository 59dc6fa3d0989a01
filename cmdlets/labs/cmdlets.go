package labs

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
)

// Module is the module the lab cmdlets belong to (the simulator's own).
const (
	Module  = "Exosim"
	Version = "1.0.0"
)

// Output type names.
const (
	TypeLab       = "Exosim.SimLab"
	TypeLabInfo   = "Exosim.SimLabInfo"
	TypeObjective = "Exosim.SimLabObjective"
)

// Status values of an objective.
const (
	StatusDone    = "Done"
	StatusMissing = "Missing"
)

func cmd(name, typeName string) *command.Command {
	return &command.Command{
		Name:         name,
		Type:         command.CmdletCommand,
		Module:       Module,
		Version:      Version,
		FullTypeName: "Exosim.Commands." + typeName,
	}
}

// Commands returns Get-SimLab, Test-SimLab and Get-SimLabHint;
// newSession opens the fresh sessions that objectives are checked in.
func Commands(newSession SessionFunc) []*command.Command {
	return []*command.Command{getLab(newSession), testLab(newSession), getLabHint()}
}

// Table declares the commands of Commands, built the first time a session
// resolves one of them.
func Table(newSession SessionFunc) *command.Table {
	return &command.Table{Groups: []command.Group{{
		Names: []string{"Get-SimLab", "Test-SimLab", "Get-SimLabHint"},
		Build: func() []*command.Command { return Commands(newSession) },
	}}}
}

// CheckingHelp says how a trainee checks a lab and asks for hints: at the
// prompt, or from another terminal while the prompt is open (the prompt
// holds the tenant only while a command runs).
const CheckingHelp = "At the exosim prompt, Test-SimLab checks your work and Get-SimLabHint gives the next hint.\n" +
	"From another terminal, exosim lab check and exosim lab hint do the same, also while your prompt is open."

// Views registers the default views of the lab cmdlets' output types.
func Views(r *format.Registry) {
	r.Add(&format.View{
		Name:      "SimLab",
		TypeNames: []string{TypeLab},
		Kind:      format.ListView,
		Items: []format.ListItem{
			{Property: "Name"}, {Property: "Title"}, {Property: "Seed"}, {Property: "Source"},
			{Property: "Started"}, {Property: "HintsShown"}, {Property: "Task"}, {Property: "Objectives"},
		},
	})
	r.Add(&format.View{
		Name:      "SimLabInfo",
		TypeNames: []string{TypeLabInfo},
		Kind:      format.TableView,
		AutoSize:  true,
		Columns: []format.Column{
			{Label: "Name", Property: "Name"},
			{Label: "Seed", Property: "Seed"},
			{Label: "Available", Property: "Available"},
			{Label: "Title", Property: "Title"},
		},
	})
	r.Add(&format.View{
		Name:      "SimLabObjective",
		TypeNames: []string{TypeObjective},
		Kind:      format.TableView,
		AutoSize:  true,
		Columns: []format.Column{
			{Label: "Number", Property: "Number", Align: format.AlignRight},
			{Label: "Status", Property: "Status"},
			{Label: "Objective", Property: "Objective"},
		},
	})
}

const noLabWarning = "No lab is active in this tenant. Start one from the command line with exosim lab start NAME; Get-SimLab -ListAvailable lists the labs."

func getLab(newSession SessionFunc) *command.Command {
	c := cmd("Get-SimLab", "GetSimLabCommand")
	c.Synopsis = "Shows the training lab this tenant was started for: its task and objectives."
	c.Description = "exosim lab start NAME resets the tenant to a lab's starting state and records the lab in the tenant; Get-SimLab shows that lab. With -ListAvailable it lists the labs exosim ships (and, with -Path, a trainer's own lab files) instead. Test-SimLab checks the objectives."
	c.OutputType = TypeLab
	c.Sets = []string{"Active", "List"}
	c.DefaultSet = "Active"
	c.Params = []*params.Param{
		params.P("ListAvailable", params.TSwitch, params.InSets(params.Set("List", true, -1)),
			params.Help("Lists the labs that can be started instead of the active one.")),
		params.P("Path", params.TString, params.InSets(params.Set("List", false, -1)),
			params.Help("A directory of *.lab files to list as well (a lab there replaces a built-in one of the same name).")),
	}
	c.Examples = []command.Example{
		{Code: "Get-SimLab -ListAvailable", Remark: "Lists the labs, their seed tenants and whether this exosim has every command each one needs."},
		{Code: "Get-SimLab", Remark: "Shows the active lab's task and objectives (or a warning when the tenant wasn't started for a lab)."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if ctx.Switch("ListAvailable") {
			ls, err := Catalog(ctx.String("Path"))
			if err != nil {
				return ctx.Fail(ctx.NewError(err.Error(), "LabCatalogFailed", object.InvalidData, "InvalidOperationException", ctx.String("Path")))
			}
			probe := Probe(newSession)
			for _, l := range ls {
				o := object.NewObject(TypeLabInfo, "System.Object")
				o.AddTyped("Name", "System.String", l.Name)
				o.AddTyped("Title", "System.String", l.Title)
				o.AddTyped("Seed", "System.String", l.Seed)
				o.AddTyped("Source", "System.String", exo.NilIfEmpty(l.Source))
				o.AddTyped("Available", "System.Boolean", len(Missing(l, probe)) == 0)
				o.AddTyped("Origin", "System.String", l.Origin)
				if err := ctx.WriteObject(o); err != nil {
					return err
				}
			}
			return nil
		}
		st := exo.Tenant(ctx)
		if st == nil {
			ctx.WriteWarning(noLabWarning)
			return nil
		}
		l, rec, err := Active(st)
		if errors.Is(err, ErrNoLab) {
			ctx.WriteWarning(noLabWarning)
			return nil
		} else if err != nil {
			return ctx.Fail(ctx.NewError(err.Error(), "LabReadFailed", object.InvalidData, "InvalidOperationException", nil))
		}
		o := object.NewObject(TypeLab, "System.Object")
		o.AddTyped("Name", "System.String", l.Name)
		o.AddTyped("Title", "System.String", l.Title)
		o.AddTyped("Seed", "System.String", l.Seed)
		o.AddTyped("Source", "System.String", exo.NilIfEmpty(l.Source))
		o.AddTyped("Started", "System.DateTime", rec.Started.UTC())
		o.AddTyped("HintsShown", "System.Int32", rec.HintsShown)
		o.AddTyped("Hints", "System.Int32", len(l.Hints))
		o.AddTyped("Task", "System.String", l.Task)
		var objs []any
		for _, ob := range l.Objectives {
			objs = append(objs, ob.Description)
		}
		o.AddTyped("Objectives", "System.String[]", objs)
		o.AddTyped("Origin", "System.String", l.Origin)
		return ctx.WriteObject(o)
	}
	return c
}

func testLab(newSession SessionFunc) *command.Command {
	c := cmd("Test-SimLab", "TestSimLabCommand")
	c.Synopsis = "Checks the active lab's objectives against the tenant and reports each as done or missing."
	c.Description = "Each objective is a check over the tenant's state, not over the commands typed: it passes however the goal was reached. Test-SimLab writes one object per objective, in the lab's order; with -Quiet it writes only $true when every objective is done and $false otherwise. exosim lab check does the same from the command line."
	c.OutputType = TypeObjective
	c.Params = []*params.Param{
		params.P("Quiet", params.TSwitch, params.Help("Returns one Boolean: $true only when every objective is done.")),
	}
	c.Examples = []command.Example{
		{Code: "Test-SimLab", Remark: "Lists the active lab's objectives as Done or Missing (or warns that no lab is active)."},
		{Code: "if (Test-SimLab -Quiet) { 'Lab complete' }", Remark: "Prints a message once every objective is done."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		st := exo.Tenant(ctx)
		if st == nil {
			ctx.WriteWarning(noLabWarning)
			return nil
		}
		l, _, err := Active(st)
		if errors.Is(err, ErrNoLab) {
			ctx.WriteWarning(noLabWarning)
			if ctx.Switch("Quiet") {
				return ctx.WriteObject(false)
			}
			return nil
		} else if err != nil {
			return ctx.Fail(ctx.NewError(err.Error(), "LabReadFailed", object.InvalidData, "InvalidOperationException", nil))
		}
		rs := Check(st, l, newSession)
		if ctx.Switch("Quiet") {
			return ctx.WriteObject(AllDone(rs))
		}
		for _, r := range rs {
			o := object.NewObject(TypeObjective, "System.Object")
			o.AddTyped("Number", "System.Int32", r.Number)
			o.AddTyped("Status", "System.String", status(r.Done))
			o.AddTyped("Objective", "System.String", r.Description)
			o.AddTyped("Done", "System.Boolean", r.Done)
			o.AddTyped("Lab", "System.String", l.Name)
			if err := ctx.WriteObject(o); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

func getLabHint() *command.Command {
	c := cmd("Get-SimLabHint", "GetSimLabHintCommand")
	c.Synopsis = "Shows the next hint of the active lab."
	c.Description = "Each call shows the next hint, in the lab's order, and remembers how many were shown (Get-SimLab's HintsShown); once every hint was shown it repeats the last one. exosim lab hint does the same from the command line."
	c.OutputType = "System.String"
	c.Examples = []command.Example{
		{Code: "Get-SimLabHint", Remark: "Prints 'Hint 1 of 3:' and the first hint of the active lab."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		st := exo.Tenant(ctx)
		if st == nil {
			ctx.WriteWarning(noLabWarning)
			return nil
		}
		l, text, n, err := NextHint(st)
		if errors.Is(err, ErrNoLab) {
			ctx.WriteWarning(noLabWarning)
			return nil
		} else if err != nil {
			return ctx.Fail(ctx.NewError(err.Error(), "LabReadFailed", object.InvalidData, "InvalidOperationException", nil))
		}
		if n == 0 {
			return ctx.WriteObject("Lab " + l.Name + " has no hints.")
		}
		return ctx.WriteObject(fmt.Sprintf("Hint %d of %d:\n%s", n, len(l.Hints), strings.TrimRight(text, "\n")))
	}
	return c
}

func status(done bool) string {
	if done {
		return StatusDone
	}
	return StatusMissing
}
