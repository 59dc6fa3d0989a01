package runtime

import "github.com/exosim/exosim/shell/params"

// The parameter declarations live in shell/params; these names keep the
// commands declared against this package compiling while they move to
// it.

// AllSets is params.AllSets.
const AllSets = params.AllSets

type (
	// Kind is params.Kind.
	Kind = params.Kind
	// Type is params.Type.
	Type = params.Type
	// CustomKind is params.CustomKind.
	CustomKind = params.CustomKind
	// SetInfo is params.SetInfo.
	SetInfo = params.SetInfo
	// Param is params.Param.
	Param = params.Param
	// ParamOpt is params.ParamOpt.
	ParamOpt = params.ParamOpt
)

// The parameter kinds of shell/params.
const (
	KindObject       = params.KindObject
	KindString       = params.KindString
	KindBool         = params.KindBool
	KindSwitch       = params.KindSwitch
	KindInt          = params.KindInt
	KindLong         = params.KindLong
	KindDouble       = params.KindDouble
	KindDateTime     = params.KindDateTime
	KindTimeSpan     = params.KindTimeSpan
	KindGuid         = params.KindGuid
	KindSecureString = params.KindSecureString
	KindCredential   = params.KindCredential
	KindHashtable    = params.KindHashtable
	KindScriptBlock  = params.KindScriptBlock
	KindEnum         = params.KindEnum
	KindCustom       = params.KindCustom
	KindPSObject     = params.KindPSObject
)

// The common parameter types of shell/params.
var (
	TString       = params.TString
	TStrings      = params.TStrings
	TBool         = params.TBool
	TSwitch       = params.TSwitch
	TInt          = params.TInt
	TLong         = params.TLong
	TDouble       = params.TDouble
	TDateTime     = params.TDateTime
	TTimeSpan     = params.TTimeSpan
	TGuid         = params.TGuid
	TSecureString = params.TSecureString
	TCredential   = params.TCredential
	THashtable    = params.THashtable
	TScriptBlock  = params.TScriptBlock
	TObject       = params.TObject
	TObjects      = params.TObjects
	TPSObject     = params.TPSObject
)

// The constructors of shell/params.
var (
	EnumType           = params.EnumType
	DotNetEnumType     = params.DotNetEnumType
	P                  = params.P
	Mandatory          = params.Mandatory
	Position           = params.Position
	FromPipeline       = params.FromPipeline
	FromPipelineByName = params.FromPipelineByName
	Alias              = params.Alias
	Help               = params.Help
	NotNullOrEmpty     = params.NotNullOrEmpty
	Range              = params.Range
	RemainingArgs      = params.RemainingArgs
	InSets             = params.InSets
	Set                = params.Set
)
