package runtime

import "github.com/exosim/exosim/shell/object"

// System.Net's connection settings that runbooks touch before connecting:
// `[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12`.
// The simulator opens no connections, so the setting is only kept for the
// session (reading it back gives what was set; SystemDefault at first).

const securityProtocolState = "runtime.net.securityProtocol"

func init() {
	const protoType = "System.Net.SecurityProtocolType"
	RegisterType(
		enumDef(protoType, true, "SystemDefault=0", "Ssl3=48", "Tls=192", "Tls11=768", "Tls12=3072", "Tls13=12288"),
		&TypeDef{FullName: "System.Net.ServicePointManager", Assembly: "System.Net.ServicePoint",
			Static: Members{
				"SecurityProtocol": &Member{
					Get: func(c *Call) (any, error) {
						if v, ok := c.RT.State[securityProtocolState]; ok {
							return v, nil
						}
						return object.Enum{Type: protoType, Name: "SystemDefault", Value: 0}, nil
					},
					Set: func(c *Call, v any) error {
						e, err := TypeByName(protoType).Convert(c.RT, v)
						if err != nil {
							return err
						}
						c.RT.State[securityProtocolState] = e
						return nil
					},
				},
			}},
	)
}
