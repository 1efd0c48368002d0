package cmd

import (
	"context"

	"github.com/cosmos/gogoproto/proto"
	"github.com/spf13/cobra"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"cosmossdk.io/client/v2/autocli"
	"cosmossdk.io/client/v2/autocli/flag"

	"github.com/cosmos/cosmos-sdk/client"
	sdkflags "github.com/cosmos/cosmos-sdk/client/flags"
)

// enhanceRootCommand adds the autocli tx and query commands. It is
// autocli's own EnhanceRootCommand plus one flag type: optional strings
// (google.protobuf.StringValue), so `update-profile --bio "x"` sets only
// the bio and flags left out stay unset.
func enhanceRootCommand(rootCmd *cobra.Command, opts autocli.AppOptions) error {
	files, err := proto.MergedRegistry()
	if err != nil {
		return err
	}
	builder := &autocli.Builder{
		Builder: flag.Builder{
			TypeResolver:          protoregistry.GlobalTypes,
			FileResolver:          files,
			AddressCodec:          opts.AddressCodec,
			ValidatorAddressCodec: opts.ValidatorAddressCodec,
			ConsensusAddressCodec: opts.ConsensusAddressCodec,
		},
		GetClientConn: func(cmd *cobra.Command) (grpc.ClientConnInterface, error) {
			return client.GetClientQueryContext(cmd)
		},
		AddQueryConnFlags: func(c *cobra.Command) {
			sdkflags.AddQueryFlagsToCmd(c)
			sdkflags.AddKeyringFlags(c.Flags())
		},
		AddTxConnFlags: sdkflags.AddTxFlagsToCmd,
	}
	builder.DefineMessageFlagType("google.protobuf.StringValue", optionalStringType{})
	if err := opts.EnhanceRootCommandWithBuilder(rootCmd, builder); err != nil {
		return err
	}
	describePaginationFlags(rootCmd)
	return nil
}

// paginationFlagHelp is the help of the flags autocli makes from a
// query's cosmos.base.query.v1beta1.PageRequest, which it leaves empty.
var paginationFlagHelp = map[string]string{
	"page-key":         "next_key of the previous page (base64), to read the next one",
	"page-limit":       "how many results per page (default: the node's, 100)",
	"page-offset":      "how many results to skip (use --page-key instead where possible)",
	"page-count-total": "also count the results (slower)",
	"page-reverse":     "reverse the order (each query says its own, e.g. newest first)",
}

func describePaginationFlags(cmd *cobra.Command) {
	for _, sub := range cmd.Commands() {
		describePaginationFlags(sub)
	}
	for name, help := range paginationFlagHelp {
		if f := cmd.LocalFlags().Lookup(name); f != nil && f.Usage == "" {
			f.Usage = help
		}
	}
}

// optionalStringType is the flag type of google.protobuf.StringValue.
type optionalStringType struct{}

func (optionalStringType) NewValue(*context.Context, *flag.Builder) flag.Value {
	return &optionalStringValue{}
}

func (optionalStringType) DefaultValue() string { return "" }

// optionalStringValue is unset until the flag is given; then it holds the
// given string, which may be empty (to clear a field).
type optionalStringValue struct {
	value *wrapperspb.StringValue
}

func (v optionalStringValue) Get(protoreflect.Value) (protoreflect.Value, error) {
	if v.value == nil {
		return protoreflect.Value{}, nil
	}
	return protoreflect.ValueOfMessage(v.value.ProtoReflect()), nil
}

func (v optionalStringValue) String() string {
	if v.value == nil {
		return ""
	}
	return v.value.Value
}

func (v *optionalStringValue) Set(s string) error {
	v.value = wrapperspb.String(s)
	return nil
}

func (optionalStringValue) Type() string { return "string" }
