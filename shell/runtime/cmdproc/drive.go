package cmdproc

import "errors"

// Stage is one stage of a running pipeline: a command (Processor) or the
// expression at its head.
type Stage interface {
	Begin() error
	Process(v any, hasInput bool) error
	End() error
	// Dispose releases what a begun command holds when the pipeline
	// ends without completing it (an error, or a stop request).
	Dispose()
	// Clean runs a script command's clean block when its pipeline ends.
	Clean()
	SetNext(e func(any) error)
	ExpectsInput(bool)
}

// StopUpstream asks the commands before From (Select-Object -First) to
// stop: they produce nothing more and do not complete; From and the
// commands after it complete normally. A request without From is a
// command's own, which the processor running it names.
type StopUpstream struct{ From *Processor }

// Is makes every stop request match any other.
func (*StopUpstream) Is(target error) bool {
	_, ok := target.(*StopUpstream)
	return ok
}

func (*StopUpstream) Error() string { return "pipeline stopped" }

// Drive runs the begin, process and end phases of a pipeline. A command
// may ask the ones before it to stop (Select-Object -First has what it
// needs): they produce nothing more and do not complete, while it and
// the commands after it complete.
func Drive(procs []Stage) error {
	begun := 0
	defer func() {
		for _, pr := range procs[:begun] {
			pr.Dispose()
		}
		for _, pr := range procs[:begun] {
			pr.Clean()
		}
	}()
	stopped, stopAt := false, -1
	stop := func(err error) error {
		owner, ok := stopOwner(err, procs)
		if !ok {
			return err
		}
		stopped = true
		if owner > stopAt {
			stopAt = owner
		}
		return nil
	}
	for i, pr := range procs {
		err := pr.Begin()
		if err == nil {
			begun = i + 1
			continue
		}
		if stop(err) != nil {
			return err
		}
		begun = i + 1
	}
	if !stopped {
		if err := procs[0].Process(nil, false); err != nil {
			if err := stop(err); err != nil {
				return err
			}
		}
	}
	for i, pr := range procs {
		if i <= stopAt {
			continue
		}
		if err := pr.End(); err != nil {
			if err := stop(err); err != nil {
				return err
			}
		}
	}
	return nil
}

// stopOwner reports which of procs asked the commands before it to stop
// (Select-Object -First); ok is false when err is no such request, or one
// made by a command of an enclosing pipeline, which must go on unwinding.
// owner is -1 for a request that names no command.
func stopOwner(err error, procs []Stage) (owner int, ok bool) {
	var stop *StopUpstream
	if !errors.As(err, &stop) {
		return 0, false
	}
	if stop.From == nil {
		return -1, true
	}
	for i, pr := range procs {
		if cp, isCmd := pr.(*Processor); isCmd && cp == stop.From {
			return i, true
		}
	}
	return 0, false
}
