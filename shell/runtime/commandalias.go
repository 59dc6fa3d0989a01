package runtime

import "github.com/exosim/exosim/shell/command"

// Names of the command model kept while callers move to shell/command.
type (
	Command         = command.Command
	CommandType     = command.CommandType
	Impact          = command.Impact
	Example         = command.Example
	Handler         = command.Handler
	Context         = command.Context
	Switch          = command.Switch
	InvocationParam = command.InvocationParam
	InvocationEvent = command.InvocationEvent
	InvocationHook  = command.InvocationHook
	ParamMatch      = command.ParamMatch
	Table           = command.Table
	Decl            = command.Decl
	Group           = command.Group
)

type Slot[T any] = command.Slot[T]

type InvocationSlot[T any] = command.InvocationSlot[T]

const (
	CmdletCommand   = command.CmdletCommand
	FunctionCommand = command.FunctionCommand
	AliasCommand    = command.AliasCommand
	ImpactNone      = command.ImpactNone
	ImpactLow       = command.ImpactLow
	ImpactMedium    = command.ImpactMedium
	ImpactHigh      = command.ImpactHigh
)

var (
	Lazy           = command.Lazy
	LazyGroup      = command.LazyGroup
	Built          = command.Built
	MatchParameter = command.MatchParameter
	SetsWith       = command.SetsWith
	PickSet        = command.PickSet
	CollectInput   = command.CollectInput
)

func NewSlot[T any]() *Slot[T] { return command.NewSlot[T]() }

func NewInvocationSlot[T any]() *InvocationSlot[T] { return command.NewInvocationSlot[T]() }
