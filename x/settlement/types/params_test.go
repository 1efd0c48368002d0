package types_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/settlement/types"
)

func TestParamsValidate(t *testing.T) {
	cases := []struct {
		name    string
		mutate  func(p *types.Params)
		wantErr bool
	}{
		{name: "default params are valid", mutate: func(*types.Params) {}},
		{name: "a checksummed contract address is valid", mutate: func(p *types.Params) { p.L1Contract = ethA }},
		{name: "a lower-case contract address is valid", mutate: func(p *types.Params) { p.L1Contract = strings.ToLower(ethA) }},
		{name: "epoch length 2 is valid", mutate: func(p *types.Params) { p.EpochLength = 2 }},
		{name: "epoch length at the maximum is valid", mutate: func(p *types.Params) { p.EpochLength = types.MaxEpochLength }},
		{name: "epoch length 1 is refused", mutate: func(p *types.Params) { p.EpochLength = 1 }, wantErr: true},
		{name: "epoch length above the maximum is refused", mutate: func(p *types.Params) { p.EpochLength = types.MaxEpochLength + 1 }, wantErr: true},
		{name: "zero L1 chain id is refused", mutate: func(p *types.Params) { p.L1ChainId = 0 }, wantErr: true},
		{name: "a malformed contract address is refused", mutate: func(p *types.Params) { p.L1Contract = "0x1234" }, wantErr: true},
		{name: "the zero contract address is refused", mutate: func(p *types.Params) { p.L1Contract = "0x0000000000000000000000000000000000000000" }, wantErr: true},
		{name: "a zero signing window is refused", mutate: func(p *types.Params) { p.SigningWindow = 0 }, wantErr: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := types.DefaultParams()
			tc.mutate(&p)
			err := p.Validate()
			if tc.wantErr {
				require.ErrorIs(t, err, types.ErrInvalidParams)
				return
			}
			require.NoError(t, err)
		})
	}
}

func TestCanonicalEthAddress(t *testing.T) {
	require.Equal(t, ethA, types.CanonicalEthAddress(strings.ToLower(ethA)))
	require.Equal(t, ethA, types.CanonicalEthAddress(ethA))
}
