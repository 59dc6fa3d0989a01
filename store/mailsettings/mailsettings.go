// Package mailsettings keeps the settings of a mail recipient that are
// stored by parameter name once set (custom attributes, delivery
// restrictions, moderation, MailTips ...): mail contacts and mail-enabled
// public folders embed them in their records.
package mailsettings

// Settings are the settings of a mail recipient that are kept
// by parameter name once set: text values, lists and switches. Stored
// inside a record, they are its "text", "lists" and "flags" fields.
type Settings struct {
	Text  map[string]string   `json:"text,omitempty"`
	Lists map[string][]string `json:"lists,omitempty"`
	Flags map[string]bool     `json:"flags,omitempty"`
}

// TextOf returns a text setting ("" when unset).
func (c *Settings) TextOf(name string) string { return c.Text[name] }

// SetText sets a text setting; "" removes it.
func (c *Settings) SetText(name, v string) {
	if v == "" {
		delete(c.Text, name)
		return
	}
	if c.Text == nil {
		c.Text = map[string]string{}
	}
	c.Text[name] = v
}

// ListOf returns a list setting.
func (c *Settings) ListOf(name string) []string { return c.Lists[name] }

// SetList sets a list setting; an empty list removes it.
func (c *Settings) SetList(name string, v []string) {
	if len(v) == 0 {
		delete(c.Lists, name)
		return
	}
	if c.Lists == nil {
		c.Lists = map[string][]string{}
	}
	c.Lists[name] = v
}

// FlagOf returns a switch setting, def when unset.
func (c *Settings) FlagOf(name string, def bool) bool {
	if v, ok := c.Flags[name]; ok {
		return v
	}
	return def
}

// SetFlag sets a switch setting.
func (c *Settings) SetFlag(name string, v bool) {
	if c.Flags == nil {
		c.Flags = map[string]bool{}
	}
	c.Flags[name] = v
}
