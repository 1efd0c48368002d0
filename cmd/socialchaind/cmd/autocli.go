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
	return opts.EnhanceRootCommandWithBuilder(rootCmd, builder)
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
