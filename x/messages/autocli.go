package messages

import (
	"fmt"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/cosmos/cosmos-sdk/version"

	messagesv1 "github.com/socialchain/socialchain/api/socialchain/messages/v1"
)

// AutoCLIOptions describes the module's tx and query commands. The lane's
// own commands (sign, submit, status) are `socialchaind messages`.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	app := version.AppName
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: messagesv1.Query_ServiceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod:      "Message",
					Use:            "message [hash]",
					Short:          "Show a lane message's status: pending, included, failed or settled",
					Example:        fmt.Sprintf("$ %s query messages message 3f9a...", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "hash"}},
				},
				{
					RpcMethod:      "Allowance",
					Use:            "allowance [address]",
					Short:          "Show a profile's units, its messages per period and what it used this period",
					Example:        fmt.Sprintf("$ %s query messages allowance social1...", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}},
				},
				{
					RpcMethod: "Params",
					Use:       "params",
					Short:     "Show the message lane's params",
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: messagesv1.Msg_ServiceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod:      "BuyUnits",
					Use:            "buy-units [units]",
					Short:          "Buy storage units for your profile: each raises its messages per period by messages_per_unit",
					Example:        fmt.Sprintf("$ %s tx messages buy-units 2 --from alice", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "units"}},
				},
				{RpcMethod: "UpdateParams", Skip: true},
			},
		},
	}
}
