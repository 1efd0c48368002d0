package cmd

import (
	"errors"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"
)

func TestUnescapeYAMLUnicode(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"an emoji escape becomes the emoji", `kind: "\U0001F525"`, `kind: "🔥"`},
		{"text around it stays", `text: "hello \U0001F525 #socialchain"`, `text: "hello 🔥 #socialchain"`},
		{"an escaped backslash before U is not an escape", `path: "C:\\U0001F525"`, `path: "C:\\U0001F525"`},
		{"three backslashes: one literal, one escape", `x: "\\\U0001F525"`, `x: "\\🔥"`},
		{"a non-printable rune stays escaped", `x: "\U0010FFFF"`, `x: "\U0010FFFF"`},
		{"a short escape stays", `x: "\U0001F"`, `x: "\U0001F"`},
		{"JSON passes through", `{"kind":"🔥"}`, `{"kind":"🔥"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, string(unescapeYAMLUnicode([]byte(tc.in))))
		})
	}
}

func TestNameArgumentsNamesTheBadArgument(t *testing.T) {
	for _, tc := range []struct{ name, use, err, want string }{
		{
			"the first argument is named from the usage line", "follow [address]",
			`invalid argument "social1x" for "--0" flag: decoding bech32 failed`,
			`argument address "social1x": decoding bech32 failed`,
		},
		{
			"the second argument", "react [post-id] [kind]",
			`invalid argument "x" for "--1" flag: bad`,
			`argument kind "x": bad`,
		},
		{
			"an argument beyond the usage line gets its position", "thing",
			`invalid argument "x" for "--0" flag: bad`,
			`argument 1 "x": bad`,
		},
		{
			"other errors stay as they are", "follow [address]",
			`invalid argument "x" for "--from" flag: bad`,
			`invalid argument "x" for "--from" flag: bad`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := &cobra.Command{Use: "root"}
			sub := &cobra.Command{Use: tc.use, RunE: func(*cobra.Command, []string) error { return errors.New(tc.err) }}
			root.AddCommand(sub)
			nameArguments(root)
			require.EqualError(t, sub.RunE(sub, nil), tc.want)
		})
	}
}
