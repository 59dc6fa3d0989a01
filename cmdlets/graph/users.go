package graph

import (
	"errors"
	"sort"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// userProperty is one property of the SDK's MicrosoftGraphUser model that
// the simulator fills from the tenant.
type userProperty struct {
	Name     string // PowerShell name (PascalCase)
	TypeName string
	// Default marks the properties the service returns without $select.
	Default bool
	get     func(v *userView) any
}

// userView is a user account with what Graph shows beside it.
type userView struct {
	u   *directory.User
	mbx *directory.Mailbox // the linked mailbox, nil when none
}

func (v *userView) deleted() bool { return v.u.State != directory.UserActive }

// upn is the userPrincipalName Graph shows: a deleted user's name is
// prefixed with its object id (without dashes) while in the recycle bin.
func (v *userView) upn() string {
	if v.deleted() {
		return strings.ReplaceAll(v.u.ObjectID, "-", "") + v.u.UserPrincipalName
	}
	return v.u.UserPrincipalName
}

func (v *userView) mail() any {
	if v.mbx != nil && v.mbx.PrimarySmtpAddress != "" {
		return v.mbx.PrimarySmtpAddress
	}
	return nil
}

func (v *userView) skuIDs() []string {
	var out []string
	for _, l := range v.u.Licenses {
		if k, ok := directory.LookupSku(l); ok {
			out = append(out, k.SkuID)
		}
	}
	return out
}

// userProperties lists the MicrosoftGraphUser properties the simulator
// knows, in the model's (alphabetical) order.
var userProperties = []userProperty{
	{Name: "AccountEnabled", TypeName: "System.Nullable`1[[System.Boolean]]", get: func(v *userView) any { return v.u.AccountEnabled }},
	{Name: "AssignedLicenses", TypeName: "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphAssignedLicense[]", get: func(v *userView) any {
		out := []any{}
		for _, id := range v.skuIDs() {
			out = append(out, assignedLicenseObject(id))
		}
		return out
	}},
	{Name: "BusinessPhones", TypeName: "System.String[]", Default: true, get: func(v *userView) any { return []any{} }},
	{Name: "City", TypeName: "System.String", get: func(v *userView) any { return exo.NilIfEmpty(v.u.City) }},
	{Name: "Country", TypeName: "System.String", get: func(v *userView) any { return exo.NilIfEmpty(v.u.Country) }},
	{Name: "CreatedDateTime", TypeName: "System.Nullable`1[[System.DateTime]]", get: func(v *userView) any { return v.u.WhenCreated.UTC() }},
	{Name: "DeletedDateTime", TypeName: "System.Nullable`1[[System.DateTime]]", get: func(v *userView) any { return exo.TimeOrNil(v.u.DeletedAt) }},
	{Name: "Department", TypeName: "System.String", get: func(v *userView) any { return exo.NilIfEmpty(v.u.Department) }},
	{Name: "DisplayName", TypeName: "System.String", Default: true, get: func(v *userView) any { return exo.NilIfEmpty(v.u.DisplayName) }},
	{Name: "GivenName", TypeName: "System.String", Default: true, get: func(v *userView) any { return exo.NilIfEmpty(v.u.FirstName) }},
	{Name: "Id", TypeName: "System.String", Default: true, get: func(v *userView) any { return v.u.ObjectID }},
	{Name: "JobTitle", TypeName: "System.String", Default: true, get: func(v *userView) any { return exo.NilIfEmpty(v.u.Title) }},
	{Name: "Mail", TypeName: "System.String", Default: true, get: func(v *userView) any { return v.mail() }},
	{Name: "MailNickname", TypeName: "System.String", get: func(v *userView) any { return exo.NilIfEmpty(v.u.MailNickname) }},
	{Name: "MobilePhone", TypeName: "System.String", Default: true, get: func(v *userView) any { return exo.NilIfEmpty(v.u.MobilePhone) }},
	{Name: "OfficeLocation", TypeName: "System.String", Default: true, get: func(v *userView) any { return exo.NilIfEmpty(v.u.Office) }},
	{Name: "PreferredLanguage", TypeName: "System.String", Default: true, get: func(v *userView) any { return nil }},
	{Name: "ProxyAddresses", TypeName: "System.String[]", get: func(v *userView) any {
		out := []any{}
		if v.mbx != nil {
			for _, a := range v.mbx.EmailAddresses {
				if object.HasPrefixFold(a, "smtp:") {
					out = append(out, a)
				}
			}
		}
		return out
	}},
	{Name: "Surname", TypeName: "System.String", Default: true, get: func(v *userView) any { return exo.NilIfEmpty(v.u.LastName) }},
	{Name: "UsageLocation", TypeName: "System.String", get: func(v *userView) any { return exo.NilIfEmpty(v.u.UsageLocation) }},
	{Name: "UserPrincipalName", TypeName: "System.String", Default: true, get: func(v *userView) any { return v.upn() }},
	{Name: "UserType", TypeName: "System.String", get: func(v *userView) any { return "Member" }},
}

// userFilterProps are the properties a $filter may name.
var userFilterProps = lazy.Value[map[string]bool]{Build: func() map[string]bool {
	m := map[string]bool{}
	for _, p := range userProperties {
		m[strings.ToLower(p.Name)] = true
	}
	return m
}}

// record flattens a user for filtering.
func (v *userView) record() record {
	r := record{}
	for _, p := range userProperties {
		val := p.get(v)
		switch x := val.(type) {
		case nil:
			r[strings.ToLower(p.Name)] = nil
		case string, bool:
			r[strings.ToLower(p.Name)] = x
		}
	}
	r["assignedlicenses"] = v.skuIDs()
	var proxies []string
	if v.mbx != nil {
		proxies = append(proxies, v.mbx.EmailAddresses...)
	}
	r["proxyaddresses"] = proxies
	r["businessphones"] = []string{}
	return r
}

// selectSet resolves -Property: nil means the service's default set; "*"
// selects everything known.
func selectSet(props []string) map[string]bool {
	if len(props) == 0 {
		return nil
	}
	m := map[string]bool{}
	for _, p := range props {
		for _, part := range strings.Split(p, ",") {
			m[strings.ToLower(strings.TrimSpace(part))] = true
		}
	}
	return m
}

// userObject renders a user as a MicrosoftGraphUser. Properties outside
// the selection are present but empty, as on the SDK's model.
func userObject(v *userView, sel map[string]bool) *object.PSObject {
	o := object.NewObject(TypeUser, "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphUser",
		"Microsoft.Graph.PowerShell.Models.MicrosoftGraphDirectoryObject", typeEntity, "System.Object")
	for _, p := range userProperties {
		var val any
		if (sel == nil && p.Default) || sel["*"] || sel[strings.ToLower(p.Name)] {
			val = p.get(v)
		} else if strings.HasSuffix(p.TypeName, "[]") {
			val = []any{}
		}
		o.AddTyped(p.Name, p.TypeName, val)
	}
	odata := "https://graph.microsoft.com/v1.0/$metadata#users/$entity"
	if v.deleted() {
		odata = "https://graph.microsoft.com/v1.0/$metadata#directory/deletedItems/microsoft.graph.user/$entity"
	}
	o.AddTyped("AdditionalProperties", additionalPropsType, additionalProperties("@odata.context", odata))
	return o
}

func assignedLicenseObject(skuID string) *object.PSObject {
	o := object.NewObject(TypeAssignedLicense, "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphAssignedLicense", "System.Object")
	o.AddTyped("DisabledPlans", "System.String[]", []any{})
	o.AddTyped("SkuId", "System.String", skuID)
	o.AddTyped("AdditionalProperties", additionalPropsType, additionalProperties())
	return o
}

// loadView attaches the linked mailbox to an account.
func loadView(tx *store.Tx, u *directory.User) (*userView, error) {
	v := &userView{u: u}
	if u.MailboxGuid != "" {
		m, err := directory.GetMailbox(tx, u.MailboxGuid)
		if err == nil {
			v.mbx = m
		} else if !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
	}
	return v, nil
}

// findUser resolves a -UserId (object id or userPrincipalName) among the
// accounts in the given state (UserActive, or UserSoftDeleted for the
// recycle bin). It returns nil when nothing matches.
func findUser(tx *store.Tx, id, state string) (*directory.User, error) {
	id = strings.TrimSpace(id)
	if id == "" {
		return nil, nil
	}
	u, err := directory.GetUser(tx, id)
	if err == nil {
		if u.State == state {
			return u, nil
		}
		return nil, nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	if state != directory.UserActive {
		return nil, nil
	}
	users, err := directory.FindUsersByUPN(tx, id)
	if err != nil {
		return nil, err
	}
	for _, u := range users {
		if u.State == state {
			return u, nil
		}
	}
	return nil, nil
}

// listOptions are the OData query options of a List parameter set.
type listOptions struct {
	filter predicate
	search string
	top    int
	skip   int
	sort   []string
	sel    map[string]bool
}

// readListOptions reads -Filter, -Search, -Top, -Skip, -Sort and -Property.
func readListOptions(ctx *command.Context) (*listOptions, *serviceError) {
	lo := &listOptions{top: -1, sel: selectSet(ctx.Strings("Property")), sort: ctx.Strings("Sort")}
	if f := strings.TrimSpace(ctx.String("Filter")); f != "" {
		pred, err := parseFilter(f, userFilterProps.Get())
		if err != nil {
			return nil, &serviceError{Status: 400, Reason: "BadRequest", Code: "BadRequest", Message: err.Error()}
		}
		lo.filter = pred
	}
	if ctx.Has("Search") {
		s := strings.Trim(strings.TrimSpace(ctx.String("Search")), `"`)
		lo.search = s
	}
	if ctx.Has("Top") {
		lo.top = ctx.Int("Top")
	}
	lo.skip = ctx.Int("Skip")
	return lo, nil
}

// matchSearch applies $search "property:text" (token prefix match, as the
// directory's search does) or plain text against displayName.
func matchSearch(v *userView, search string) bool {
	if search == "" {
		return true
	}
	prop, text := "displayname", search
	if i := strings.IndexByte(search, ':'); i > 0 {
		prop, text = strings.ToLower(search[:i]), search[i+1:]
	}
	val, _ := v.record()[prop].(string)
	text = strings.ToLower(text)
	for _, word := range strings.FieldsFunc(strings.ToLower(val), func(r rune) bool {
		return r == ' ' || r == '.' || r == '@' || r == '-' || r == '_'
	}) {
		if strings.HasPrefix(word, text) {
			return true
		}
	}
	return strings.HasPrefix(strings.ToLower(val), text)
}

// apply filters, sorts and pages views.
func (lo *listOptions) apply(views []*userView) []*userView {
	var out []*userView
	for _, v := range views {
		if lo.filter != nil && !lo.filter(v.record()) {
			continue
		}
		if !matchSearch(v, lo.search) {
			continue
		}
		out = append(out, v)
	}
	if len(lo.sort) > 0 {
		key := strings.Fields(lo.sort[0])
		prop, desc := strings.ToLower(key[0]), len(key) > 1 && strings.EqualFold(key[1], "desc")
		sort.SliceStable(out, func(i, j int) bool {
			a, _ := out[i].record()[prop].(string)
			b, _ := out[j].record()[prop].(string)
			if desc {
				return strings.ToLower(a) > strings.ToLower(b)
			}
			return strings.ToLower(a) < strings.ToLower(b)
		})
	}
	if lo.skip > 0 {
		if lo.skip >= len(out) {
			return nil
		}
		out = out[lo.skip:]
	}
	if lo.top >= 0 && lo.top < len(out) {
		out = out[:lo.top]
	}
	return out
}

// collectUsers returns every account in the given state with its mailbox.
func collectUsers(tx *store.Tx, state string) ([]*userView, error) {
	var out []*userView
	err := directory.ForEachUser(tx, "", func(u *directory.User) error {
		if u.State != state {
			return nil
		}
		v, err := loadView(tx, u)
		if err != nil {
			return err
		}
		out = append(out, v)
		return nil
	})
	return out, err
}

// listParams are the List set's OData parameters shared by the Get
// cmdlets of directory collections.
func listParams(list string, withSkip bool) []*params.Param {
	in := params.InSets(params.Set(list, false, -1))
	ps := []*params.Param{
		params.P("Filter", params.TString, in, params.Help("Filter items by property values (OData $filter).")),
		params.P("Search", params.TString, params.InSets(params.Set(list, false, -1)), params.Help("Search items by search phrases, such as '\"displayName:Ann\"'.")),
	}
	if withSkip {
		ps = append(ps, params.P("Skip", params.TInt, params.InSets(params.Set(list, false, -1)), params.Help("Skip the first n items.")))
	}
	return append(ps,
		params.P("Sort", params.TStrings, params.InSets(params.Set(list, false, -1)), params.Alias("OrderBy"), params.Help("Order items by property values.")),
		params.P("Top", params.TInt, params.InSets(params.Set(list, false, -1)), params.Alias("Limit"), params.Help("Show only the first n items.")),
		params.P("ConsistencyLevel", params.TString, params.InSets(params.Set(list, false, -1)), params.Help("The requested consistency level (eventual for advanced queries).")),
		params.P("PageSize", params.TInt, params.InSets(params.Set(list, false, -1)), params.Help("Sets the page size of results.")),
		params.P("All", params.TSwitch, params.InSets(params.Set(list, false, -1)), params.Help("List all pages.")),
		params.P("CountVariable", params.TString, params.InSets(params.Set(list, false, -1)), params.Alias("CV"), params.Help("Variable that receives the total count of items.")),
	)
}

// commonParams are the request parameters every SDK cmdlet has.
func commonParams() []*params.Param {
	return []*params.Param{
		params.P("ResponseHeadersVariable", params.TString, params.Alias("RHV"), params.Help("Optional response headers variable.")),
		params.P("Headers", params.TObject, params.FromPipeline(), params.Help("Optional headers that will be added to the request.")),
		params.P("Break", params.TSwitch, params.Help("Wait for .NET debugger to attach.")),
		params.P("HttpPipelineAppend", params.TObjects, params.Help("SendAsync pipeline steps to be appended to the front of the pipeline.")),
		params.P("HttpPipelinePrepend", params.TObjects, params.Help("SendAsync pipeline steps to be prepended to the front of the pipeline.")),
		params.P("Proxy", params.TString, params.Help("The URI for the proxy server to use.")),
		params.P("ProxyCredential", params.TCredential, params.Help("Credentials for a proxy server to use for the remote call.")),
		params.P("ProxyUseDefaultCredentials", params.TSwitch, params.Help("Use the default credentials for the proxy.")),
	}
}

// setCount stores the -CountVariable result in the global scope.
func setCount(ctx *command.Context, n int) {
	if name := ctx.String("CountVariable"); name != "" {
		runtime.Of(ctx).Scope().Global().Set(strings.TrimPrefix(name, "$"), n)
	}
}

func getMgUser() *command.Command {
	c := cmd("Get-MgUser", ModuleUsers, "GetMgUser_List")
	c.Synopsis = "Gets user accounts from the directory."
	c.Description = "Without -UserId lists the tenant's user accounts (deleted ones are in Get-MgDirectoryDeletedItemAsUser). -UserId takes an object id or a userPrincipalName. Only the service's default properties are filled unless -Property names others (or *). -Filter takes OData expressions such as \"startswith(displayName,'a')\" or \"userPrincipalName eq 'annb@contoso.com'\"."
	c.OutputType = TypeUser
	c.Sets = []string{"List", "Get", "GetViaIdentity"}
	c.DefaultSet = "List"
	c.Params = append(identityParams("Get", "UserId", "The unique identifier of user (object id or userPrincipalName).",
		params.P("ExpandProperty", params.TStrings, params.Alias("Expand"), params.Help("Expand related entities.")),
		params.P("Property", params.TStrings, params.Alias("Select"), params.Help("Select properties to be returned.")),
	), append(listParams("List", false), commonParams()...)...)
	c.Examples = []command.Example{
		{Code: "Get-MgUser -All", Remark: "Lists every user account."},
		{Code: "Get-MgUser -UserId annb@contoso.com -Property DisplayName,Department,AccountEnabled | Format-List DisplayName,Department,AccountEnabled",
			Remark: "Reads properties outside the default set."},
		{Code: "Get-MgUser -Filter \"startswith(displayName,'a')\"", Remark: "Lists the users whose display name starts with A."},
	}
	c.Handler.Process = func(ctx *command.Context) error {
		if ok, err := requireConnection(ctx); !ok {
			return err
		}
		if ctx.ParameterSet == "List" || ctx.ParameterSet == "" {
			lo, serr := readListOptions(ctx)
			if serr != nil {
				return writeServiceError(ctx, serr, nil)
			}
			var views []*userView
			if err := exo.View(ctx, func(tx *store.Tx) error {
				all, err := collectUsers(tx, directory.UserActive)
				views = all
				return err
			}); err != nil {
				return err
			}
			views = lo.apply(views)
			setCount(ctx, len(views))
			for _, v := range views {
				if err := ctx.WriteObject(userObject(v, lo.sel)); err != nil {
					return err
				}
			}
			return nil
		}
		id := identityArg(ctx, "UserId")
		view, err := viewOne(ctx, id, directory.UserActive)
		if err != nil || view == nil {
			return err
		}
		return ctx.WriteObject(userObject(view, selectSet(ctx.Strings("Property"))))
	}
	return c
}

// viewOne loads the account id names in the given state; when there is
// none it writes the service's not-found error and returns nil.
func viewOne(ctx *command.Context, id, state string) (*userView, error) {
	var view *userView
	if err := exo.View(ctx, func(tx *store.Tx) error {
		u, err := findUser(tx, id, state)
		if err != nil || u == nil {
			return err
		}
		view, err = loadView(tx, u)
		return err
	}); err != nil {
		return nil, err
	}
	if view == nil {
		return nil, writeServiceError(ctx, notFound(id), id)
	}
	return view, nil
}

// identityArg returns the identifier of a Get/Delete set, or the id taken
// from -InputObject (a hashtable or object with UserId, DirectoryObjectId
// or Id).
func identityArg(ctx *command.Context, name string) string {
	if ctx.Has(name) {
		return ctx.String(name)
	}
	in := ctx.Value("InputObject")
	for _, k := range []string{name, "Id", "UserPrincipalName"} {
		if v := member(in, k); v != nil {
			if s := object.ToInvariantString(v); s != "" {
				return s
			}
		}
	}
	return ""
}

func removeMgUser() *command.Command {
	c := removeUserCommand("Remove-MgUser", ModuleUsers, "RemoveMgUser_Delete",
		"UserId", "The unique identifier of user (object id or userPrincipalName).",
		"Call remote 'DELETE /users/{user-id}' operation", directory.UserActive,
		func(tx *store.Tx, u *directory.User, _ string) error { return deleteUserAccount(tx, u.ObjectID) })
	c.Synopsis = "Deletes a user account; it stays in the recycle bin for 30 days."
	c.Description = "The account moves to the directory's deleted items, where Restore-MgDirectoryDeletedItem can bring it back within 30 days. Its mailbox is soft-deleted (or becomes inactive when a hold applies) and comes back when the account is restored, not with Undo-SoftDeletedMailbox; a mailbox whose Exchange licence had already been removed is not soft-deleted and is out of sight until the account is restored. After 30 days the account is purged."
	c.Examples = []command.Example{
		{Code: "Remove-MgUser -UserId walterh@contoso.com", Remark: "Deletes Walter Harp's account; his mailbox is soft-deleted."},
		{Code: "Get-MgUser -UserId laura@contoso.com | Remove-MgUser -WhatIf", Remark: "Shows what would be deleted, without deleting Laura Painter's account."},
	}
	return c
}
