package cmd

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
)

// How errors and text output look, for every command.

// showUsageOnFlagErrors silences the usage text after an error (a failed
// tx or an unreachable node is not a usage mistake) except after a flag
// that does not parse, where the flags are what the user needs to see.
func showUsageOnFlagErrors(rootCmd *cobra.Command) {
	rootCmd.SilenceUsage = true
	rootCmd.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		cmd.PrintErrln(cmd.UsageString())
		return err
	})
}

// positionalFlagError is pflag's message for a bad value, which autocli
// also gives for a bad positional argument, bound to a flag named by its
// index: `invalid argument "x" for "--0" flag: …`.
var positionalFlagError = regexp.MustCompile(`^invalid argument (".*") for "--(\d+)" flag: (.*)$`)

// nameArguments rewrites those errors of every command under root to name
// the argument from the command's usage line: `argument address "x": …`.
func nameArguments(root *cobra.Command) {
	for _, sub := range root.Commands() {
		nameArguments(sub)
	}
	inner := root.RunE
	if inner == nil {
		return
	}
	root.RunE = func(cmd *cobra.Command, args []string) error {
		err := inner(cmd, args)
		if err == nil {
			return nil
		}
		m := positionalFlagError.FindStringSubmatch(err.Error())
		if m == nil {
			return err
		}
		i, _ := strconv.Atoi(m[2])
		return fmt.Errorf("argument %s %s: %s", argumentName(cmd.Use, i), m[1], m[3])
	}
}

// argumentName is the i-th argument's name in a usage line such as
// "react [post-id] [kind]", or its position when the line has none.
func argumentName(use string, i int) string {
	words := strings.Fields(use)
	if i+1 < len(words) {
		return strings.Trim(words[i+1], "[]<>.")
	}
	return strconv.Itoa(i + 1)
}

// printsProtoOutput reports whether cmd prints protobuf messages through
// the SDK's text (YAML) output: the tx, query and lane commands.
func printsProtoOutput(cmd *cobra.Command) bool {
	for c := cmd; c.HasParent(); c = c.Parent() {
		if c.Parent() == cmd.Root() {
			switch c.Name() {
			case "tx", "query", "messages":
				return true
			}
		}
	}
	return false
}

// yamlUnicodeWriter undoes the YAML encoder's `\U0001F525` escapes of
// characters beyond the BMP (emoji), which are printable: a double-quoted
// YAML string may hold them as they are. JSON output has no `\U` escapes,
// so it passes through unchanged.
type yamlUnicodeWriter struct{ out io.Writer }

func (w yamlUnicodeWriter) Write(p []byte) (int, error) {
	if _, err := w.out.Write(unescapeYAMLUnicode(p)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// unescapeYAMLUnicode replaces each `\UXXXXXXXX` escape (one not itself
// escaped: an odd run of backslashes) of a valid printable rune with the
// rune's UTF-8.
func unescapeYAMLUnicode(p []byte) []byte {
	if !strings.Contains(string(p), `\U`) {
		return p
	}
	out := make([]byte, 0, len(p))
	for i := 0; i < len(p); i++ {
		if p[i] != '\\' {
			out = append(out, p[i])
			continue
		}
		j := i
		for j < len(p) && p[j] == '\\' {
			j++
		}
		run := j - i
		if run%2 == 1 && j+9 <= len(p) && p[j] == 'U' {
			if code, err := strconv.ParseUint(string(p[j+1:j+9]), 16, 32); err == nil && utf8.ValidRune(rune(code)) && strconv.IsPrint(rune(code)) {
				out = append(out, p[i:j-1]...)
				out = utf8.AppendRune(out, rune(code))
				i = j + 8
				continue
			}
		}
		out = append(out, p[i:j]...)
		i = j - 1
	}
	return out
}
