package cmd

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"text/template"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/cosmos/cosmos-sdk/client"
	clientconfig "github.com/cosmos/cosmos-sdk/client/config"
)

// clientConfigKeys are the settings client.toml holds, in file order.
var clientConfigKeys = []string{"chain-id", "keyring-backend", "keyring-default-keyname", "output", "node", "broadcast-mode"}

const clientConfigTemplate = `# This is a TOML config file for the socialchaind client.
# Written by "socialchaind config"; values here are defaults for every
# command, and command-line flags override them.

# The network chain ID
chain-id = "{{ .ChainID }}"
# The keyring's backend, where the keys are stored (os|file|kwallet|pass|test|memory)
keyring-backend = "{{ .KeyringBackend }}"
# The default key name used by transactions when --from is not given
keyring-default-keyname = "{{ .KeyringDefaultKeyName }}"
# CLI output format (text|json)
output = "{{ .Output }}"
# <host>:<port> to CometBFT RPC interface for this chain
node = "{{ .Node }}"
# Transaction broadcasting mode (sync|async)
broadcast-mode = "{{ .BroadcastMode }}"
`

// ConfigCmd reads and writes the client settings in <home>/config/client.toml.
func ConfigCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config [key] [value]",
		Short: "Show or set client settings in client.toml (chain-id, keyring-backend, node, ...)",
		Long: `With no argument, prints every client setting. With a key, prints that setting.
With a key and a value, stores the value in <home>/config/client.toml.

Example:
  socialchaind config set chain-id socialchain-dev-1   (or: socialchaind config chain-id socialchain-dev-1)
  socialchaind config get node`,
		Args: cobra.RangeArgs(0, 3),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 && (args[0] == "get" || args[0] == "set") {
				args = args[1:]
			}
			clientCtx := client.GetClientContextFromCmd(cmd)
			configPath := filepath.Join(clientCtx.HomeDir, "config")
			cfg, err := readClientConfig(configPath)
			if err != nil {
				return err
			}
			switch len(args) {
			case 0:
				for _, k := range clientConfigKeys {
					v, _ := cfg.get(k)
					cmd.Printf("%s = %q\n", k, v)
				}
				return nil
			case 1:
				v, err := cfg.get(args[0])
				if err != nil {
					return err
				}
				cmd.Println(v)
				return nil
			default:
				if err := cfg.set(args[0], args[1]); err != nil {
					return err
				}
				return writeClientConfig(configPath, cfg)
			}
		},
	}
	return cmd
}

type clientConfig struct{ *clientconfig.ClientConfig }

func (c clientConfig) get(key string) (string, error) {
	switch key {
	case "chain-id":
		return c.ChainID, nil
	case "keyring-backend":
		return c.KeyringBackend, nil
	case "keyring-default-keyname":
		return c.KeyringDefaultKeyName, nil
	case "output":
		return c.Output, nil
	case "node":
		return c.Node, nil
	case "broadcast-mode":
		return c.BroadcastMode, nil
	}
	return "", fmt.Errorf("unknown client setting %q: want one of %v", key, clientConfigKeys)
}

func (c clientConfig) set(key, value string) error {
	switch key {
	case "chain-id":
		c.ChainID = value
	case "keyring-backend":
		switch value {
		case "os", "file", "kwallet", "pass", "test", "memory":
		default:
			return fmt.Errorf("keyring-backend %q is not one of os|file|kwallet|pass|test|memory", value)
		}
		c.KeyringBackend = value
	case "keyring-default-keyname":
		c.KeyringDefaultKeyName = value
	case "output":
		if value != "text" && value != "json" {
			return fmt.Errorf("output %q is not one of text|json", value)
		}
		c.Output = value
	case "node":
		c.Node = value
	case "broadcast-mode":
		if value != "sync" && value != "async" {
			return fmt.Errorf("broadcast-mode %q is not one of sync|async", value)
		}
		c.BroadcastMode = value
	default:
		return fmt.Errorf("unknown client setting %q: want one of %v", key, clientConfigKeys)
	}
	return nil
}

func readClientConfig(configPath string) (clientConfig, error) {
	cfg := clientConfig{clientconfig.DefaultConfig()}
	file := filepath.Join(configPath, "client.toml")
	if _, err := os.Stat(file); os.IsNotExist(err) {
		return cfg, nil
	}
	v := viper.New()
	v.SetConfigFile(file)
	if err := v.ReadInConfig(); err != nil {
		return cfg, fmt.Errorf("reading %s: %w", file, err)
	}
	if err := v.Unmarshal(cfg.ClientConfig); err != nil {
		return cfg, fmt.Errorf("decoding %s: %w", file, err)
	}
	return cfg, nil
}

func writeClientConfig(configPath string, cfg clientConfig) error {
	tmpl := template.Must(template.New("client").Parse(clientConfigTemplate))
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, cfg.ClientConfig); err != nil {
		return err
	}
	if err := os.MkdirAll(configPath, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(configPath, "client.toml"), buf.Bytes(), 0o600)
}
