package system

import (
	"time"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
)

// System.Diagnostics.Stopwatch times on the session's clock (simulated
// time moves only with Start-Sleep and the simulator's clock commands),
// so a script that times its steps prints the same figures each run. Its
// ticks are nanoseconds: Frequency is 1,000,000,000 on Linux.

// stopwatchFrequency is Stopwatch.Frequency, ticks a second.
const stopwatchFrequency = 1_000_000_000

// stopwatch is a System.Diagnostics.Stopwatch.
type stopwatch struct {
	now     func() time.Time
	elapsed time.Duration // the time of the runs before the current one
	started time.Time
	running bool
}

func (s *stopwatch) PSType() *dotnet.TypeInfo {
	return dotnet.TypeByName("System.Diagnostics.Stopwatch")
}

// PSTypeName is the .NET type name.
func (s *stopwatch) PSTypeName() string { return "System.Diagnostics.Stopwatch" }

// String is the type's name: Stopwatch does not override Object.ToString.
func (s *stopwatch) String() string { return "System.Diagnostics.Stopwatch" }

// Adapted lists IsRunning, Elapsed, ElapsedMilliseconds and ElapsedTicks,
// in .NET's declaration order, as default output shows them.
func (s *stopwatch) Adapted() []*object.Property {
	return []*object.Property{
		{Name: "IsRunning", Value: s.running, Kind: object.AdaptedProperty, TypeName: "bool"},
		{Name: "Elapsed", Value: s.timeSpan(), Kind: object.AdaptedProperty, TypeName: "timespan"},
		{Name: "ElapsedMilliseconds", Value: int64(s.total() / time.Millisecond), Kind: object.AdaptedProperty, TypeName: "long"},
		{Name: "ElapsedTicks", Value: int64(s.total()), Kind: object.AdaptedProperty, TypeName: "long"},
	}
}

// total is the time measured so far, the current run included.
func (s *stopwatch) total() time.Duration {
	d := s.elapsed
	if s.running {
		d += s.now().Sub(s.started)
	}
	return d
}

func (s *stopwatch) timeSpan() object.TimeSpan { return object.TimeSpan(s.total() / 100) }

func (s *stopwatch) start() {
	if !s.running {
		s.started, s.running = s.now(), true
	}
}

func swOf(c *dotnet.Call) *stopwatch { return object.Unwrap(c.Self).(*stopwatch) }

func newStopwatch(c *dotnet.Call) *stopwatch { return &stopwatch{now: c.Host.Now} }

func declareStopwatch() {
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.Diagnostics.Stopwatch", Assembly: "System.Runtime",
		Is:       func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(*stopwatch); return ok },
		NewArity: []int{0},
		New:      func(c *dotnet.Call) (any, error) { return newStopwatch(c), nil },
		Static: dotnet.Members{
			"Frequency":        dotnet.Prop(func(*dotnet.Call) (any, error) { return int64(stopwatchFrequency), nil }),
			"IsHighResolution": dotnet.Prop(func(*dotnet.Call) (any, error) { return true, nil }),
			"StartNew": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
				s := newStopwatch(c)
				s.start()
				return s, nil
			}),
			// GetTimestamp counts nanoseconds of the session's clock.
			"GetTimestamp": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { return c.Host.Now().UnixNano(), nil }),
			"GetElapsedTime": dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
				from, err := c.To(0, "System.Int64", "startingTimestamp")
				if err != nil {
					return nil, err
				}
				to := c.Host.Now().UnixNano()
				if len(c.Args) == 2 {
					v, err := c.To(1, "System.Int64", "endingTimestamp")
					if err != nil {
						return nil, err
					}
					to = v.(int64)
				}
				return object.TimeSpan((to - from.(int64)) / 100), nil
			}),
		},
		Members: dotnet.Members{
			"IsRunning":           dotnet.Prop(func(c *dotnet.Call) (any, error) { return swOf(c).running, nil }),
			"Elapsed":             dotnet.Prop(func(c *dotnet.Call) (any, error) { return swOf(c).timeSpan(), nil }),
			"ElapsedMilliseconds": dotnet.Prop(func(c *dotnet.Call) (any, error) { return int64(swOf(c).total() / time.Millisecond), nil }),
			"ElapsedTicks":        dotnet.Prop(func(c *dotnet.Call) (any, error) { return int64(swOf(c).total()), nil }),
			"Start":               dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) { swOf(c).start(); return dotnet.Void{}, nil }),
			"Stop": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
				s := swOf(c)
				if s.running {
					s.elapsed += s.now().Sub(s.started)
					s.running = false
				}
				return dotnet.Void{}, nil
			}),
			"Reset": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
				s := swOf(c)
				s.elapsed, s.running = 0, false
				return dotnet.Void{}, nil
			}),
			"Restart": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
				s := swOf(c)
				s.elapsed, s.running = 0, false
				s.start()
				return dotnet.Void{}, nil
			}),
		},
	})
}
