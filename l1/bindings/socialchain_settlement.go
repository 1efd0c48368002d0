// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// SocialchainSettlementCheckpoint is an auto generated low-level Go binding around an user-defined struct.
type SocialchainSettlementCheckpoint struct {
	Number            uint64
	Height            uint64
	AppHash           [32]byte
	SettlementRoot    [32]byte
	SignerSetNonce    uint64
	NextSignerSetHash [32]byte
	Time              uint64
}

// SocialchainSettlementSignature is an auto generated low-level Go binding around an user-defined struct.
type SocialchainSettlementSignature struct {
	SignerIndex uint32
	V           uint8
	R           [32]byte
	S           [32]byte
}

// SocialchainSettlementSignerSet is an auto generated low-level Go binding around an user-defined struct.
type SocialchainSettlementSignerSet struct {
	Nonce   uint64
	Signers []common.Address
	Powers  []uint64
}

// SocialchainSettlementStoredCheckpoint is an auto generated low-level Go binding around an user-defined struct.
type SocialchainSettlementStoredCheckpoint struct {
	AppHash        [32]byte
	SettlementRoot [32]byte
	Height         uint64
	Time           uint64
	L1BlockNumber  uint64
}

// SocialchainSettlementMetaData contains all meta data concerning the SocialchainSettlement contract.
var SocialchainSettlementMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"string\",\"name\":\"cosmosChainId_\",\"type\":\"string\"},{\"components\":[{\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"internalType\":\"address[]\",\"name\":\"signers\",\"type\":\"address[]\"},{\"internalType\":\"uint64[]\",\"name\":\"powers\",\"type\":\"uint64[]\"}],\"internalType\":\"structSocialchainSettlement.SignerSet\",\"name\":\"initial\",\"type\":\"tuple\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"DuplicateAddress\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"position\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"signerIndex\",\"type\":\"uint256\"}],\"name\":\"DuplicateOrUnsortedSigner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"nextSignerSetHash\",\"type\":\"bytes32\"}],\"name\":\"HandoverRequired\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"signerIndex\",\"type\":\"uint256\"}],\"name\":\"HighS\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"signedPower\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"totalPower\",\"type\":\"uint256\"}],\"name\":\"InsufficientPower\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"signerIndex\",\"type\":\"uint256\"}],\"name\":\"InvalidSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"expected\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"provided\",\"type\":\"bytes32\"}],\"name\":\"InvalidSignerSet\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"totalPower\",\"type\":\"uint256\"}],\"name\":\"InvalidTotalPower\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"signers\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"powers\",\"type\":\"uint256\"}],\"name\":\"MalformedSignerSet\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"committed\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"provided\",\"type\":\"bytes32\"}],\"name\":\"NextSetHashMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"expected\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"provided\",\"type\":\"uint64\"}],\"name\":\"NonceMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"signerIndex\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"setSize\",\"type\":\"uint256\"}],\"name\":\"SignerIndexOutOfRange\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"number\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"lastNumber\",\"type\":\"uint64\"}],\"name\":\"StaleCheckpoint\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"number\",\"type\":\"uint64\"}],\"name\":\"UnknownCheckpoint\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"number\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"height\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"appHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"settlementRoot\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"signerSetNonce\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"time\",\"type\":\"uint64\"}],\"name\":\"CheckpointSubmitted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"signerSetHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"address[]\",\"name\":\"signers\",\"type\":\"address[]\"},{\"indexed\":false,\"internalType\":\"uint64[]\",\"name\":\"powers\",\"type\":\"uint64[]\"}],\"name\":\"SignerSetUpdated\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"CHECKPOINT_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"DOMAIN_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"LEAF_TAG_POST\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"LEAF_TAG_PROFILE\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_TOTAL_POWER\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"NAME\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"VERSION\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"number\",\"type\":\"uint64\"}],\"name\":\"checkpointAt\",\"outputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"appHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"settlementRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"height\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"time\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"l1BlockNumber\",\"type\":\"uint64\"}],\"internalType\":\"structSocialchainSettlement.StoredCheckpoint\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"number\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"height\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"appHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"settlementRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"signerSetNonce\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"nextSignerSetHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"time\",\"type\":\"uint64\"}],\"internalType\":\"structSocialchainSettlement.Checkpoint\",\"name\":\"cp\",\"type\":\"tuple\"}],\"name\":\"checkpointDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"cosmosChainId\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"cosmosChainIdHash\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"domainSeparator\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"internalType\":\"address[]\",\"name\":\"signers\",\"type\":\"address[]\"},{\"internalType\":\"uint64[]\",\"name\":\"powers\",\"type\":\"uint64[]\"}],\"internalType\":\"structSocialchainSettlement.SignerSet\",\"name\":\"set\",\"type\":\"tuple\"}],\"name\":\"hashSignerSet\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastCheckpointNumber\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"author\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"postId\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"contentHash\",\"type\":\"bytes32\"}],\"name\":\"postLeaf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"handle\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"profileHash\",\"type\":\"bytes32\"}],\"name\":\"profileLeaf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"signerSetHash\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"signerSetNonce\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"signerSetTotalPower\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"number\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"height\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"appHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"settlementRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"signerSetNonce\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"nextSignerSetHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"time\",\"type\":\"uint64\"}],\"internalType\":\"structSocialchainSettlement.Checkpoint\",\"name\":\"cp\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"internalType\":\"address[]\",\"name\":\"signers\",\"type\":\"address[]\"},{\"internalType\":\"uint64[]\",\"name\":\"powers\",\"type\":\"uint64[]\"}],\"internalType\":\"structSocialchainSettlement.SignerSet\",\"name\":\"current\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint32\",\"name\":\"signerIndex\",\"type\":\"uint32\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"internalType\":\"structSocialchainSettlement.Signature[]\",\"name\":\"sigs\",\"type\":\"tuple[]\"}],\"name\":\"submitCheckpoint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"number\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"height\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"appHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"settlementRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"signerSetNonce\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"nextSignerSetHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"time\",\"type\":\"uint64\"}],\"internalType\":\"structSocialchainSettlement.Checkpoint\",\"name\":\"cp\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"internalType\":\"address[]\",\"name\":\"signers\",\"type\":\"address[]\"},{\"internalType\":\"uint64[]\",\"name\":\"powers\",\"type\":\"uint64[]\"}],\"internalType\":\"structSocialchainSettlement.SignerSet\",\"name\":\"current\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint32\",\"name\":\"signerIndex\",\"type\":\"uint32\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"internalType\":\"structSocialchainSettlement.Signature[]\",\"name\":\"sigs\",\"type\":\"tuple[]\"},{\"components\":[{\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"internalType\":\"address[]\",\"name\":\"signers\",\"type\":\"address[]\"},{\"internalType\":\"uint64[]\",\"name\":\"powers\",\"type\":\"uint64[]\"}],\"internalType\":\"structSocialchainSettlement.SignerSet\",\"name\":\"next\",\"type\":\"tuple\"}],\"name\":\"updateSignerSet\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"number\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"leaf\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"name\":\"verifyRecord\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "SocialchainSettlement",
	Bin: "0x60e060405234801561000f575f5ffd5b5060405161260238038061260283398101604081905261002e916105a3565b8151602083012060808190525f61004584826106e7565b504660a0526100538161007e565b60c0525f61006083610174565b90506100758361006f81610301565b83610322565b505050506108c6565b604080518082018252601581527f536f6369616c636861696e536574746c656d656e7400000000000000000000006020918201528151808301835260018152603160f81b9082015281517fd87cd6ef79d4e2b95e15ce8abf732db51ec771f1ca2edccf22a46c729ac56472918101919091527f2083d935ac90ae1eda12e1643458328f4cba6c4dfaca177ed86460ea2793ecfc918101919091527fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc660608201524660808201523060a082015260c081018290525f9060e0015b604051602081830303815290604052805190602001209050919050565b6020810151515f9080158061018e57508260400151518114155b156101c7578083604001515160405163030031c560e61b81526004016101be929190918252602082015260400190565b60405180910390fd5b5f5b81811015610290575f846020015182815181106101e8576101e86107a5565b602002602001015190505f6001600160a01b0316816001600160a01b031603610227576040516337bc03e960e11b8152600481018390526024016101be565b805c801561024b57604051630c94403760e21b8152600481018490526024016101be565b6001825d85604001518381518110610265576102656107a5565b60200260200101516001600160401b03168561028191906107b9565b945050508060010190506101c9565b505f5b818110156102c8575f846020015182815181106102b2576102b26107a5565b602002602001015190505f815d50600101610293565b508115806102da575064010000000082115b156102fb5760405163d866b28160e01b8152600481018390526024016101be565b50919050565b5f815f0151826020015183604001516040516020016101579392919061085a565b60018290558251600280546001600160401b0384811668010000000000000000026001600160801b03199092169316928317179055602084015160408086015190518593927fe510a5b9fd8c38d6a7ed0cc07bca148bcb34a497bb19b05284d58b5f2d98612a9261039292610899565b60405180910390a3505050565b634e487b7160e01b5f52604160045260245ffd5b604051606081016001600160401b03811182821017156103d5576103d561039f565b60405290565b604051601f8201601f191681016001600160401b03811182821017156104035761040361039f565b604052919050565b80516001600160401b0381168114610421575f5ffd5b919050565b5f6001600160401b0382111561043e5761043e61039f565b5060051b60200190565b5f82601f830112610457575f5ffd5b815161046a61046582610426565b6103db565b8082825260208201915060208360051b86010192508583111561048b575f5ffd5b602085015b838110156104af576104a18161040b565b835260209283019201610490565b5095945050505050565b5f606082840312156104c9575f5ffd5b6104d16103b3565b90506104dc8261040b565b815260208201516001600160401b038111156104f6575f5ffd5b8201601f81018413610506575f5ffd5b805161051461046582610426565b8082825260208201915060208360051b850101925086831115610535575f5ffd5b6020840193505b8284101561056b5783516001600160a01b038116811461055a575f5ffd5b82526020938401939091019061053c565b602085015250505060408201516001600160401b0381111561058b575f5ffd5b61059784828501610448565b60408301525092915050565b5f5f604083850312156105b4575f5ffd5b82516001600160401b038111156105c9575f5ffd5b8301601f810185136105d9575f5ffd5b80516001600160401b038111156105f2576105f261039f565b610605601f8201601f19166020016103db565b818152866020838501011115610619575f5ffd5b8160208401602083015e5f60208383010152809450505050602083015160018060401b03811115610648575f5ffd5b610654858286016104b9565b9150509250929050565b600181811c9082168061067257607f821691505b6020821081036102fb57634e487b7160e01b5f52602260045260245ffd5b601f8211156106e257828211156106e257805f5260205f20601f840160051c60208510156106bb57505f5b90810190601f840160051c035f5b818110156106de575f838201556001016106c9565b5050505b505050565b81516001600160401b038111156107005761070061039f565b6107148161070e845461065e565b84610690565b6020601f821160018114610746575f831561072f5750848201515b5f19600385901b1c1916600184901b17845561079e565b5f84815260208120601f198516915b828110156107755787850151825560209485019460019092019101610755565b508482101561079257868401515f19600387901b60f8161c191681555b505060018360011b0184555b5050505050565b634e487b7160e01b5f52603260045260245ffd5b808201808211156107d857634e487b7160e01b5f52601160045260245ffd5b92915050565b5f8151808452602084019350602083015f5b828110156108175781516001600160a01b03168652602095860195909101906001016107f0565b5093949350505050565b5f8151808452602084019350602083015f5b828110156108175781516001600160401b0316865260209586019590910190600101610833565b6001600160401b03841681526060602082018190525f9061087d908301856107de565b828103604084015261088f8185610821565b9695505050505050565b604081525f6108ab60408301856107de565b82810360208401526108bd8185610821565b95945050505050565b60805160a05160c051611d046108fe5f395f610abd01525f610a9501525f81816101c9015281816106fe0152610ae40152611d045ff3fe608060405234801561000f575f5ffd5b5060043610610148575f3560e01c8063969daeff116100bf578063db4327b311610079578063db4327b3146103ea578063e1193e4c146103f2578063e47b2d9514610419578063eb9d668f14610425578063f698da2514610438578063ffa1ad7414610440575f5ffd5b8063969daeff1461034e5780639890b47b14610361578063a3f4df7e14610369578063a74ac61d146103aa578063a8a15326146103bd578063bb2a5a10146103d7575f5ffd5b8063625ee95211610110578063625ee95214610256578063653b3edd1461026b578063713147e2146102de5780637b3a08ff1461031057806384b0196e1461031957806394b4373914610334575f5ffd5b80630a3e2d951461014c5780631a2153c9146101c457806320606b70146101f95780634db5bd4a14610220578063554c294814610233575b5f5ffd5b61015f61015a3660046113fe565b610460565b6040516101bb91905f60a08201905082518252602083015160208301526001600160401b0360408401511660408301526001600160401b0360608401511660608301526001600160401b03608084015116608083015292915050565b60405180910390f35b6101eb7f000000000000000000000000000000000000000000000000000000000000000081565b6040519081526020016101bb565b6101eb7fd87cd6ef79d4e2b95e15ce8abf732db51ec771f1ca2edccf22a46c729ac5647281565b6101eb61022e366004611434565b61051f565b6102466102413660046114b7565b6105a4565b60405190151581526020016101bb565b6102696102643660046115a2565b61064e565b005b6101eb61027936600461161a565b604051600160f81b60208201526bffffffffffffffffffffffff19606085901b1660218201526001600160c01b031960c084901b166035820152603d81018290525f90605d016040516020818303038152906040528051906020012090509392505050565b6002546102f890600160801b90046001600160401b031681565b6040516001600160401b0390911681526020016101bb565b6101eb60015481565b6103216106a9565b6040516101bb9796959493929190611682565b61033c600281565b60405160ff90911681526020016101bb565b6101eb61035c366004611718565b610778565b61033c600181565b61039d6040518060400160405280601581526020017414dbd8da585b18da185a5b94d95d1d1b195b595b9d605a1b81525081565b6040516101bb9190611749565b6102696103b836600461175b565b6107d1565b6002546102f890600160401b90046001600160401b031681565b6002546102f8906001600160401b031681565b61039d6108f0565b6101eb7f1b7c68357bd07128a3db1b800a325928daab173b5ce01f19b641eab668597fab81565b6101eb64010000000081565b6101eb610433366004611800565b61097b565b6101eb610a92565b61039d604051806040016040528060018152602001603160f81b81525081565b6040805160a0810182525f808252602082018190529181018290526060810182905260808101919091526001600160401b038083165f908152600360209081526040808320815160a081018352815481526001820154938101939093526002015480851691830191909152600160401b810484166060830152600160801b90049092166080830181905290036105195760405163e719c83f60e01b81526001600160401b03841660048201526024015b60405180910390fd5b92915050565b5f600285858560405161053392919061181a565b604051908190038120610583939291869060200160f89490941b6001600160f81b031916845260609290921b6bffffffffffffffffffffffff191660018401526015830152603582015260550190565b6040516020818303038152906040528051906020012090505b949350505050565b6001600160401b038085165f908152600360205260408120600281015491929091600160801b90041682036105f75760405163e719c83f60e01b81526001600160401b0387166004820152602401610510565b60018101548061060b575f9250505061059c565b855f5b85811015610642576106388288888481811061062c5761062c611829565b90506020020135610b0d565b915060010161060e565b50149695505050505050565b5f6106598585610b35565b9050808560a0013514610685576040516321d7908d60e01b815260a08601356004820152602401610510565b6106996106918661097b565b858585610c32565b6106a285610f1a565b5050505050565b5f6060805f5f5f60606040518060400160405280601581526020017414dbd8da585b18da185a5b94d95d1d1b195b595b9d605a1b815250604051806040016040528060018152602001603160f81b81525046307f00000000000000000000000000000000000000000000000000000000000000005f6001600160401b038111156107355761073561183d565b60405190808252806020026020018201604052801561075e578160200160208202803683370190505b50601f60f81b9d959c50939a509198509650945092509050565b5f61078660208301836113fe565b6107936020840184611851565b6107a06040860186611851565b6040516020016107b4959493929190611896565b604051602081830303815290604052805190602001209050919050565b6107db8585610b35565b505f6107e682611a22565b90505f6107f2826110f1565b90508660a001358114610825576040516301b2b08760e41b815260a0880135600482015260248101829052604401610510565b61083260208701876113fe565b61083d906001611b11565b6001600160401b031661085360208501856113fe565b6001600160401b0316146108b25761086e60208701876113fe565b610879906001611b11565b61088660208501856113fe565b604051631b3b434760e21b81526001600160401b03928316600482015291166024820152604401610510565b5f6108bc83611112565b90506108d26108ca8961097b565b888888610c32565b6108db88610f1a565b6108e6838383611296565b5050505050505050565b5f80546108fc90611b30565b80601f016020809104026020016040519081016040528092919081815260200182805461092890611b30565b80156109735780601f1061094a57610100808354040283529160200191610973565b820191905f5260205f20905b81548152906001019060200180831161095657829003601f168201915b505050505081565b5f807f1b7c68357bd07128a3db1b800a325928daab173b5ce01f19b641eab668597fab6109ab60208501856113fe565b6109bb60408601602087016113fe565b604086013560608701356109d560a0890160808a016113fe565b60a08901356109ea60e08b0160c08c016113fe565b6040805160208101999099526001600160401b03978816908901529486166060880152608087019390935260a0860191909152831660c085015260e08401521661010082015261012001604051602081830303815290604052805190602001209050610a54610a92565b60405161190160f01b602082015260228101919091526042810182905260620160405160208183030381529060405280519060200120915050919050565b5f7f00000000000000000000000000000000000000000000000000000000000000004603610adf57507f000000000000000000000000000000000000000000000000000000000000000090565b610b087f000000000000000000000000000000000000000000000000000000000000000061130e565b905090565b5f5f5f838510610b1e578385610b21565b84845b5f9182526020526040902095945050505050565b6002545f90600160801b90046001600160401b031680610b5860208601866113fe565b6001600160401b031611610ba057610b7360208501856113fe565b60405163393b308560e21b81526001600160401b0391821660048201529082166024820152604401610510565b610ba983610778565b600154909250808314610bd95760405163e1ee6f7f60e01b81526004810182905260248101849052604401610510565b610be660208501856113fe565b6001600160401b0316610bff60a08701608088016113fe565b6001600160401b031614610c2a57610c1a60208501856113fe565b61088660a08701608088016113fe565b505092915050565b5f610c406020850185611851565b905090505f5f5f5b84811015610ec75736868683818110610c6357610c63611829565b6080029190910191505f9050610c7c6020830183611b62565b63ffffffff16905083811015610caf57604051633dde20a560e01b81526004810184905260248101829052604401610510565b858110610cd957604051631598dd3760e11b81526004810182905260248101879052604401610510565b7f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a060608301351115610d2157604051639ddca1c960e01b815260048101829052602401610510565b610d316040830160208401611b85565b60ff16601b14158015610d575750610d4f6040830160208401611b85565b60ff16601c14155b15610d7857604051630a57f30960e31b815260048101829052602401610510565b5f60018b610d8c6040860160208701611b85565b604080515f8152602081018083529390935260ff90911682820152850135606080830191909152850135608082015260a0016020604051602081039080840390855afa158015610dde573d5f5f3e3d5ffd5b5050604051601f1901519150506001600160a01b0381161580610e445750610e0960208b018b611851565b83818110610e1957610e19611829565b9050602002016020810190610e2e9190611ba5565b6001600160a01b0316816001600160a01b031614155b15610e6557604051630a57f30960e31b815260048101839052602401610510565b610e7260408b018b611851565b83818110610e8257610e82611829565b9050602002016020810190610e9791906113fe565b610eaa906001600160401b031687611bbe565b9550610eb7826001611bbe565b9450505050806001019050610c48565b5060028054600160401b90046001600160401b031690610ee8908290611bd1565b610ef3846003611bd1565b116108e65760405162bfb6ab60e01b81526004810184905260248101829052604401610510565b6040518060a001604052808260400135815260200182606001358152602001826020016020810190610f4c91906113fe565b6001600160401b03168152602001610f6a60e0840160c085016113fe565b6001600160401b03908116825243166020918201526003905f90610f90908501856113fe565b6001600160401b03908116825260208083019390935260409182015f2084518155848401516001820155918401516002909201805460608601516080909601519383166001600160801b031990911617600160401b958316959095029490941767ffffffffffffffff60801b1916600160801b92909116919091021790915561101b908201826113fe565b600280546001600160401b0392909216600160801b0267ffffffffffffffff60801b1990921691909117905561105760408201602083016113fe565b6001600160401b031661106d60208301836113fe565b6001600160401b03167e182823c58d84cf65c85e76d0b705767749b432bcbad3892cf1bbffdc65048f604084013560608501356110b060a08701608088016113fe565b6110c060e0880160c089016113fe565b6040805194855260208501939093526001600160401b0391821684840152166060830152519081900360800190a350565b5f815f0151826020015183604001516040516020016107b493929190611c64565b6020810151515f9080158061112c57508260400151518114155b1561115c578083604001515160405163030031c560e61b8152600401610510929190918252602082015260400190565b5f5b81811015611225575f8460200151828151811061117d5761117d611829565b602002602001015190505f6001600160a01b0316816001600160a01b0316036111bc576040516337bc03e960e11b815260048101839052602401610510565b805c80156111e057604051630c94403760e21b815260048101849052602401610510565b6001825d856040015183815181106111fa576111fa611829565b60200260200101516001600160401b0316856112169190611bbe565b9450505080600101905061115e565b505f5b8181101561125d575f8460200151828151811061124757611247611829565b602002602001015190505f815d50600101611228565b5081158061126f575064010000000082115b156112905760405163d866b28160e01b815260048101839052602401610510565b50919050565b60018290558251600280546001600160401b03848116600160401b026001600160801b03199092169316928317179055602084015160408086015190518593927fe510a5b9fd8c38d6a7ed0cc07bca148bcb34a497bb19b05284d58b5f2d98612a9261130192611ca1565b60405180910390a3505050565b604080518082018252601581527414dbd8da585b18da185a5b94d95d1d1b195b595b9d605a1b6020918201528151808301835260018152603160f81b9082015281517fd87cd6ef79d4e2b95e15ce8abf732db51ec771f1ca2edccf22a46c729ac56472918101919091527f2083d935ac90ae1eda12e1643458328f4cba6c4dfaca177ed86460ea2793ecfc918101919091527fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc660608201524660808201523060a082015260c081018290525f9060e0016107b4565b80356001600160401b03811681146113f9575f5ffd5b919050565b5f6020828403121561140e575f5ffd5b611417826113e3565b9392505050565b80356001600160a01b03811681146113f9575f5ffd5b5f5f5f5f60608587031215611447575f5ffd5b6114508561141e565b935060208501356001600160401b0381111561146a575f5ffd5b8501601f8101871361147a575f5ffd5b80356001600160401b0381111561148f575f5ffd5b8760208284010111156114a0575f5ffd5b949760209190910196509394604001359392505050565b5f5f5f5f606085870312156114ca575f5ffd5b6114d3856113e3565b93506020850135925060408501356001600160401b038111156114f4575f5ffd5b8501601f81018713611504575f5ffd5b80356001600160401b03811115611519575f5ffd5b8760208260051b840101111561152d575f5ffd5b949793965060200194505050565b5f60e08284031215611290575f5ffd5b5f60608284031215611290575f5ffd5b5f5f83601f84011261156b575f5ffd5b5081356001600160401b03811115611581575f5ffd5b6020830191508360208260071b850101111561159b575f5ffd5b9250929050565b5f5f5f5f61012085870312156115b6575f5ffd5b6115c0868661153b565b935060e08501356001600160401b038111156115da575f5ffd5b6115e68782880161154b565b9350506101008501356001600160401b03811115611602575f5ffd5b61160e8782880161155b565b95989497509550505050565b5f5f5f6060848603121561162c575f5ffd5b6116358461141e565b9250611643602085016113e3565b929592945050506040919091013590565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b60ff60f81b8816815260e060208201525f6116a060e0830189611654565b82810360408401526116b28189611654565b606084018890526001600160a01b038716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b818110156117075783518352602093840193909201916001016116e9565b50909b9a5050505050505050505050565b5f60208284031215611728575f5ffd5b81356001600160401b0381111561173d575f5ffd5b61059c8482850161154b565b602081525f6114176020830184611654565b5f5f5f5f5f6101408688031215611770575f5ffd5b61177a878761153b565b945060e08601356001600160401b03811115611794575f5ffd5b6117a08882890161154b565b9450506101008601356001600160401b038111156117bc575f5ffd5b6117c88882890161155b565b9094509250506101208601356001600160401b038111156117e7575f5ffd5b6117f38882890161154b565b9150509295509295909350565b5f60e08284031215611810575f5ffd5b611417838361153b565b818382375f9101908152919050565b634e487b7160e01b5f52603260045260245ffd5b634e487b7160e01b5f52604160045260245ffd5b5f5f8335601e19843603018112611866575f5ffd5b8301803591506001600160401b0382111561187f575f5ffd5b6020019150600581901b360382131561159b575f5ffd5b6001600160401b038616815260606020820181905281018490525f8560808301825b878110156118e6576001600160a01b036118d18461141e565b168252602092830192909101906001016118b8565b5083810360408501528481526020019050845f5b85811015611929576001600160401b03611913836113e3565b16835260209283019291909101906001016118fa565b509098975050505050505050565b604051606081016001600160401b03811182821017156119595761195961183d565b60405290565b604051601f8201601f191681016001600160401b03811182821017156119875761198761183d565b604052919050565b5f6001600160401b038211156119a7576119a761183d565b5060051b60200190565b5f82601f8301126119c0575f5ffd5b81356119d36119ce8261198f565b61195f565b8082825260208201915060208360051b8601019250858311156119f4575f5ffd5b602085015b83811015611a1857611a0a816113e3565b8352602092830192016119f9565b5095945050505050565b5f60608236031215611a32575f5ffd5b611a3a611937565b611a43836113e3565b815260208301356001600160401b03811115611a5d575f5ffd5b830136601f820112611a6d575f5ffd5b8035611a7b6119ce8261198f565b8082825260208201915060208360051b850101925036831115611a9c575f5ffd5b6020840193505b82841015611ac557611ab48461141e565b825260209384019390910190611aa3565b602085015250505060408301356001600160401b03811115611ae5575f5ffd5b611af1368286016119b1565b60408301525092915050565b634e487b7160e01b5f52601160045260245ffd5b6001600160401b03818116838216019081111561051957610519611afd565b600181811c90821680611b4457607f821691505b60208210810361129057634e487b7160e01b5f52602260045260245ffd5b5f60208284031215611b72575f5ffd5b813563ffffffff81168114611417575f5ffd5b5f60208284031215611b95575f5ffd5b813560ff81168114611417575f5ffd5b5f60208284031215611bb5575f5ffd5b6114178261141e565b8082018082111561051957610519611afd565b808202811582820484141761051957610519611afd565b5f8151808452602084019350602083015f5b82811015611c215781516001600160a01b0316865260209586019590910190600101611bfa565b5093949350505050565b5f8151808452602084019350602083015f5b82811015611c215781516001600160401b0316865260209586019590910190600101611c3d565b6001600160401b0384168152606060208201525f611c856060830185611be8565b8281036040840152611c978185611c2b565b9695505050505050565b604081525f611cb36040830185611be8565b8281036020840152611cc58185611c2b565b9594505050505056fea26469706673582212209a4a12cd05c246d3f5609c2fb6fc4ca9b132a5a0b1e35173587235c840c4ea9864736f6c63430008250033",
}

// SocialchainSettlement is an auto generated Go binding around an Ethereum contract.
type SocialchainSettlement struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *SocialchainSettlement) GetABI() abi.ABI {
	return c.abi
}

// NewSocialchainSettlement creates a new instance of SocialchainSettlement.
func NewSocialchainSettlement() *SocialchainSettlement {
	parsed, err := SocialchainSettlementMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &SocialchainSettlement{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *SocialchainSettlement) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(string cosmosChainId_, (uint64,address[],uint64[]) initial) returns()
func (socialchainSettlement *SocialchainSettlement) PackConstructor(cosmosChainId_ string, initial SocialchainSettlementSignerSet) []byte {
	enc, err := socialchainSettlement.abi.Pack("", cosmosChainId_, initial)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackCHECKPOINTTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe1193e4c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function CHECKPOINT_TYPEHASH() view returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) PackCHECKPOINTTYPEHASH() []byte {
	enc, err := socialchainSettlement.abi.Pack("CHECKPOINT_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCHECKPOINTTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe1193e4c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function CHECKPOINT_TYPEHASH() view returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) TryPackCHECKPOINTTYPEHASH() ([]byte, error) {
	return socialchainSettlement.abi.Pack("CHECKPOINT_TYPEHASH")
}

// UnpackCHECKPOINTTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe1193e4c.
//
// Solidity: function CHECKPOINT_TYPEHASH() view returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) UnpackCHECKPOINTTYPEHASH(data []byte) ([32]byte, error) {
	out, err := socialchainSettlement.abi.Unpack("CHECKPOINT_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackDOMAINTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x20606b70.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function DOMAIN_TYPEHASH() view returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) PackDOMAINTYPEHASH() []byte {
	enc, err := socialchainSettlement.abi.Pack("DOMAIN_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDOMAINTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x20606b70.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function DOMAIN_TYPEHASH() view returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) TryPackDOMAINTYPEHASH() ([]byte, error) {
	return socialchainSettlement.abi.Pack("DOMAIN_TYPEHASH")
}

// UnpackDOMAINTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x20606b70.
//
// Solidity: function DOMAIN_TYPEHASH() view returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) UnpackDOMAINTYPEHASH(data []byte) ([32]byte, error) {
	out, err := socialchainSettlement.abi.Unpack("DOMAIN_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackLEAFTAGPOST is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9890b47b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function LEAF_TAG_POST() view returns(uint8)
func (socialchainSettlement *SocialchainSettlement) PackLEAFTAGPOST() []byte {
	enc, err := socialchainSettlement.abi.Pack("LEAF_TAG_POST")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLEAFTAGPOST is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9890b47b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function LEAF_TAG_POST() view returns(uint8)
func (socialchainSettlement *SocialchainSettlement) TryPackLEAFTAGPOST() ([]byte, error) {
	return socialchainSettlement.abi.Pack("LEAF_TAG_POST")
}

// UnpackLEAFTAGPOST is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9890b47b.
//
// Solidity: function LEAF_TAG_POST() view returns(uint8)
func (socialchainSettlement *SocialchainSettlement) UnpackLEAFTAGPOST(data []byte) (uint8, error) {
	out, err := socialchainSettlement.abi.Unpack("LEAF_TAG_POST", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackLEAFTAGPROFILE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x94b43739.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function LEAF_TAG_PROFILE() view returns(uint8)
func (socialchainSettlement *SocialchainSettlement) PackLEAFTAGPROFILE() []byte {
	enc, err := socialchainSettlement.abi.Pack("LEAF_TAG_PROFILE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLEAFTAGPROFILE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x94b43739.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function LEAF_TAG_PROFILE() view returns(uint8)
func (socialchainSettlement *SocialchainSettlement) TryPackLEAFTAGPROFILE() ([]byte, error) {
	return socialchainSettlement.abi.Pack("LEAF_TAG_PROFILE")
}

// UnpackLEAFTAGPROFILE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x94b43739.
//
// Solidity: function LEAF_TAG_PROFILE() view returns(uint8)
func (socialchainSettlement *SocialchainSettlement) UnpackLEAFTAGPROFILE(data []byte) (uint8, error) {
	out, err := socialchainSettlement.abi.Unpack("LEAF_TAG_PROFILE", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackMAXTOTALPOWER is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe47b2d95.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_TOTAL_POWER() view returns(uint256)
func (socialchainSettlement *SocialchainSettlement) PackMAXTOTALPOWER() []byte {
	enc, err := socialchainSettlement.abi.Pack("MAX_TOTAL_POWER")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXTOTALPOWER is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe47b2d95.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_TOTAL_POWER() view returns(uint256)
func (socialchainSettlement *SocialchainSettlement) TryPackMAXTOTALPOWER() ([]byte, error) {
	return socialchainSettlement.abi.Pack("MAX_TOTAL_POWER")
}

// UnpackMAXTOTALPOWER is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe47b2d95.
//
// Solidity: function MAX_TOTAL_POWER() view returns(uint256)
func (socialchainSettlement *SocialchainSettlement) UnpackMAXTOTALPOWER(data []byte) (*big.Int, error) {
	out, err := socialchainSettlement.abi.Unpack("MAX_TOTAL_POWER", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackNAME is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa3f4df7e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function NAME() view returns(string)
func (socialchainSettlement *SocialchainSettlement) PackNAME() []byte {
	enc, err := socialchainSettlement.abi.Pack("NAME")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNAME is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa3f4df7e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function NAME() view returns(string)
func (socialchainSettlement *SocialchainSettlement) TryPackNAME() ([]byte, error) {
	return socialchainSettlement.abi.Pack("NAME")
}

// UnpackNAME is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa3f4df7e.
//
// Solidity: function NAME() view returns(string)
func (socialchainSettlement *SocialchainSettlement) UnpackNAME(data []byte) (string, error) {
	out, err := socialchainSettlement.abi.Unpack("NAME", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackVERSION is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xffa1ad74.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function VERSION() view returns(string)
func (socialchainSettlement *SocialchainSettlement) PackVERSION() []byte {
	enc, err := socialchainSettlement.abi.Pack("VERSION")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVERSION is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xffa1ad74.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function VERSION() view returns(string)
func (socialchainSettlement *SocialchainSettlement) TryPackVERSION() ([]byte, error) {
	return socialchainSettlement.abi.Pack("VERSION")
}

// UnpackVERSION is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xffa1ad74.
//
// Solidity: function VERSION() view returns(string)
func (socialchainSettlement *SocialchainSettlement) UnpackVERSION(data []byte) (string, error) {
	out, err := socialchainSettlement.abi.Unpack("VERSION", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackCheckpointAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0a3e2d95.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function checkpointAt(uint64 number) view returns((bytes32,bytes32,uint64,uint64,uint64))
func (socialchainSettlement *SocialchainSettlement) PackCheckpointAt(number uint64) []byte {
	enc, err := socialchainSettlement.abi.Pack("checkpointAt", number)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCheckpointAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0a3e2d95.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function checkpointAt(uint64 number) view returns((bytes32,bytes32,uint64,uint64,uint64))
func (socialchainSettlement *SocialchainSettlement) TryPackCheckpointAt(number uint64) ([]byte, error) {
	return socialchainSettlement.abi.Pack("checkpointAt", number)
}

// UnpackCheckpointAt is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0a3e2d95.
//
// Solidity: function checkpointAt(uint64 number) view returns((bytes32,bytes32,uint64,uint64,uint64))
func (socialchainSettlement *SocialchainSettlement) UnpackCheckpointAt(data []byte) (SocialchainSettlementStoredCheckpoint, error) {
	out, err := socialchainSettlement.abi.Unpack("checkpointAt", data)
	if err != nil {
		return *new(SocialchainSettlementStoredCheckpoint), err
	}
	out0 := *abi.ConvertType(out[0], new(SocialchainSettlementStoredCheckpoint)).(*SocialchainSettlementStoredCheckpoint)
	return out0, nil
}

// PackCheckpointDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeb9d668f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function checkpointDigest((uint64,uint64,bytes32,bytes32,uint64,bytes32,uint64) cp) view returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) PackCheckpointDigest(cp SocialchainSettlementCheckpoint) []byte {
	enc, err := socialchainSettlement.abi.Pack("checkpointDigest", cp)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCheckpointDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeb9d668f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function checkpointDigest((uint64,uint64,bytes32,bytes32,uint64,bytes32,uint64) cp) view returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) TryPackCheckpointDigest(cp SocialchainSettlementCheckpoint) ([]byte, error) {
	return socialchainSettlement.abi.Pack("checkpointDigest", cp)
}

// UnpackCheckpointDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xeb9d668f.
//
// Solidity: function checkpointDigest((uint64,uint64,bytes32,bytes32,uint64,bytes32,uint64) cp) view returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) UnpackCheckpointDigest(data []byte) ([32]byte, error) {
	out, err := socialchainSettlement.abi.Unpack("checkpointDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackCosmosChainId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdb4327b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function cosmosChainId() view returns(string)
func (socialchainSettlement *SocialchainSettlement) PackCosmosChainId() []byte {
	enc, err := socialchainSettlement.abi.Pack("cosmosChainId")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCosmosChainId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdb4327b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function cosmosChainId() view returns(string)
func (socialchainSettlement *SocialchainSettlement) TryPackCosmosChainId() ([]byte, error) {
	return socialchainSettlement.abi.Pack("cosmosChainId")
}

// UnpackCosmosChainId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdb4327b3.
//
// Solidity: function cosmosChainId() view returns(string)
func (socialchainSettlement *SocialchainSettlement) UnpackCosmosChainId(data []byte) (string, error) {
	out, err := socialchainSettlement.abi.Unpack("cosmosChainId", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackCosmosChainIdHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1a2153c9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function cosmosChainIdHash() view returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) PackCosmosChainIdHash() []byte {
	enc, err := socialchainSettlement.abi.Pack("cosmosChainIdHash")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCosmosChainIdHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1a2153c9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function cosmosChainIdHash() view returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) TryPackCosmosChainIdHash() ([]byte, error) {
	return socialchainSettlement.abi.Pack("cosmosChainIdHash")
}

// UnpackCosmosChainIdHash is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1a2153c9.
//
// Solidity: function cosmosChainIdHash() view returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) UnpackCosmosChainIdHash(data []byte) ([32]byte, error) {
	out, err := socialchainSettlement.abi.Unpack("cosmosChainIdHash", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackDomainSeparator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf698da25.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) PackDomainSeparator() []byte {
	enc, err := socialchainSettlement.abi.Pack("domainSeparator")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDomainSeparator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf698da25.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) TryPackDomainSeparator() ([]byte, error) {
	return socialchainSettlement.abi.Pack("domainSeparator")
}

// UnpackDomainSeparator is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf698da25.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) UnpackDomainSeparator(data []byte) ([32]byte, error) {
	out, err := socialchainSettlement.abi.Unpack("domainSeparator", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (socialchainSettlement *SocialchainSettlement) PackEip712Domain() []byte {
	enc, err := socialchainSettlement.abi.Pack("eip712Domain")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (socialchainSettlement *SocialchainSettlement) TryPackEip712Domain() ([]byte, error) {
	return socialchainSettlement.abi.Pack("eip712Domain")
}

// Eip712DomainOutput serves as a container for the return parameters of contract
// method Eip712Domain.
type Eip712DomainOutput struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}

// UnpackEip712Domain is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (socialchainSettlement *SocialchainSettlement) UnpackEip712Domain(data []byte) (Eip712DomainOutput, error) {
	out, err := socialchainSettlement.abi.Unpack("eip712Domain", data)
	outstruct := new(Eip712DomainOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Fields = *abi.ConvertType(out[0], new([1]byte)).(*[1]byte)
	outstruct.Name = *abi.ConvertType(out[1], new(string)).(*string)
	outstruct.Version = *abi.ConvertType(out[2], new(string)).(*string)
	outstruct.ChainId = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.VerifyingContract = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	outstruct.Salt = *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	outstruct.Extensions = *abi.ConvertType(out[6], new([]*big.Int)).(*[]*big.Int)
	return *outstruct, nil
}

// PackHashSignerSet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x969daeff.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hashSignerSet((uint64,address[],uint64[]) set) pure returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) PackHashSignerSet(set SocialchainSettlementSignerSet) []byte {
	enc, err := socialchainSettlement.abi.Pack("hashSignerSet", set)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHashSignerSet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x969daeff.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hashSignerSet((uint64,address[],uint64[]) set) pure returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) TryPackHashSignerSet(set SocialchainSettlementSignerSet) ([]byte, error) {
	return socialchainSettlement.abi.Pack("hashSignerSet", set)
}

// UnpackHashSignerSet is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x969daeff.
//
// Solidity: function hashSignerSet((uint64,address[],uint64[]) set) pure returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) UnpackHashSignerSet(data []byte) ([32]byte, error) {
	out, err := socialchainSettlement.abi.Unpack("hashSignerSet", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackLastCheckpointNumber is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x713147e2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lastCheckpointNumber() view returns(uint64)
func (socialchainSettlement *SocialchainSettlement) PackLastCheckpointNumber() []byte {
	enc, err := socialchainSettlement.abi.Pack("lastCheckpointNumber")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLastCheckpointNumber is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x713147e2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lastCheckpointNumber() view returns(uint64)
func (socialchainSettlement *SocialchainSettlement) TryPackLastCheckpointNumber() ([]byte, error) {
	return socialchainSettlement.abi.Pack("lastCheckpointNumber")
}

// UnpackLastCheckpointNumber is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x713147e2.
//
// Solidity: function lastCheckpointNumber() view returns(uint64)
func (socialchainSettlement *SocialchainSettlement) UnpackLastCheckpointNumber(data []byte) (uint64, error) {
	out, err := socialchainSettlement.abi.Unpack("lastCheckpointNumber", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackPostLeaf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x653b3edd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function postLeaf(address author, uint64 postId, bytes32 contentHash) pure returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) PackPostLeaf(author common.Address, postId uint64, contentHash [32]byte) []byte {
	enc, err := socialchainSettlement.abi.Pack("postLeaf", author, postId, contentHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPostLeaf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x653b3edd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function postLeaf(address author, uint64 postId, bytes32 contentHash) pure returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) TryPackPostLeaf(author common.Address, postId uint64, contentHash [32]byte) ([]byte, error) {
	return socialchainSettlement.abi.Pack("postLeaf", author, postId, contentHash)
}

// UnpackPostLeaf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x653b3edd.
//
// Solidity: function postLeaf(address author, uint64 postId, bytes32 contentHash) pure returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) UnpackPostLeaf(data []byte) ([32]byte, error) {
	out, err := socialchainSettlement.abi.Unpack("postLeaf", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackProfileLeaf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4db5bd4a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function profileLeaf(address owner, string handle, bytes32 profileHash) pure returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) PackProfileLeaf(owner common.Address, handle string, profileHash [32]byte) []byte {
	enc, err := socialchainSettlement.abi.Pack("profileLeaf", owner, handle, profileHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProfileLeaf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4db5bd4a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function profileLeaf(address owner, string handle, bytes32 profileHash) pure returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) TryPackProfileLeaf(owner common.Address, handle string, profileHash [32]byte) ([]byte, error) {
	return socialchainSettlement.abi.Pack("profileLeaf", owner, handle, profileHash)
}

// UnpackProfileLeaf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4db5bd4a.
//
// Solidity: function profileLeaf(address owner, string handle, bytes32 profileHash) pure returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) UnpackProfileLeaf(data []byte) ([32]byte, error) {
	out, err := socialchainSettlement.abi.Unpack("profileLeaf", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackSignerSetHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b3a08ff.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function signerSetHash() view returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) PackSignerSetHash() []byte {
	enc, err := socialchainSettlement.abi.Pack("signerSetHash")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSignerSetHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b3a08ff.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function signerSetHash() view returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) TryPackSignerSetHash() ([]byte, error) {
	return socialchainSettlement.abi.Pack("signerSetHash")
}

// UnpackSignerSetHash is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7b3a08ff.
//
// Solidity: function signerSetHash() view returns(bytes32)
func (socialchainSettlement *SocialchainSettlement) UnpackSignerSetHash(data []byte) ([32]byte, error) {
	out, err := socialchainSettlement.abi.Unpack("signerSetHash", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackSignerSetNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbb2a5a10.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function signerSetNonce() view returns(uint64)
func (socialchainSettlement *SocialchainSettlement) PackSignerSetNonce() []byte {
	enc, err := socialchainSettlement.abi.Pack("signerSetNonce")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSignerSetNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbb2a5a10.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function signerSetNonce() view returns(uint64)
func (socialchainSettlement *SocialchainSettlement) TryPackSignerSetNonce() ([]byte, error) {
	return socialchainSettlement.abi.Pack("signerSetNonce")
}

// UnpackSignerSetNonce is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbb2a5a10.
//
// Solidity: function signerSetNonce() view returns(uint64)
func (socialchainSettlement *SocialchainSettlement) UnpackSignerSetNonce(data []byte) (uint64, error) {
	out, err := socialchainSettlement.abi.Unpack("signerSetNonce", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackSignerSetTotalPower is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa8a15326.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function signerSetTotalPower() view returns(uint64)
func (socialchainSettlement *SocialchainSettlement) PackSignerSetTotalPower() []byte {
	enc, err := socialchainSettlement.abi.Pack("signerSetTotalPower")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSignerSetTotalPower is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa8a15326.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function signerSetTotalPower() view returns(uint64)
func (socialchainSettlement *SocialchainSettlement) TryPackSignerSetTotalPower() ([]byte, error) {
	return socialchainSettlement.abi.Pack("signerSetTotalPower")
}

// UnpackSignerSetTotalPower is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa8a15326.
//
// Solidity: function signerSetTotalPower() view returns(uint64)
func (socialchainSettlement *SocialchainSettlement) UnpackSignerSetTotalPower(data []byte) (uint64, error) {
	out, err := socialchainSettlement.abi.Unpack("signerSetTotalPower", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackSubmitCheckpoint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x625ee952.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function submitCheckpoint((uint64,uint64,bytes32,bytes32,uint64,bytes32,uint64) cp, (uint64,address[],uint64[]) current, (uint32,uint8,bytes32,bytes32)[] sigs) returns()
func (socialchainSettlement *SocialchainSettlement) PackSubmitCheckpoint(cp SocialchainSettlementCheckpoint, current SocialchainSettlementSignerSet, sigs []SocialchainSettlementSignature) []byte {
	enc, err := socialchainSettlement.abi.Pack("submitCheckpoint", cp, current, sigs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubmitCheckpoint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x625ee952.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function submitCheckpoint((uint64,uint64,bytes32,bytes32,uint64,bytes32,uint64) cp, (uint64,address[],uint64[]) current, (uint32,uint8,bytes32,bytes32)[] sigs) returns()
func (socialchainSettlement *SocialchainSettlement) TryPackSubmitCheckpoint(cp SocialchainSettlementCheckpoint, current SocialchainSettlementSignerSet, sigs []SocialchainSettlementSignature) ([]byte, error) {
	return socialchainSettlement.abi.Pack("submitCheckpoint", cp, current, sigs)
}

// PackUpdateSignerSet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa74ac61d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateSignerSet((uint64,uint64,bytes32,bytes32,uint64,bytes32,uint64) cp, (uint64,address[],uint64[]) current, (uint32,uint8,bytes32,bytes32)[] sigs, (uint64,address[],uint64[]) next) returns()
func (socialchainSettlement *SocialchainSettlement) PackUpdateSignerSet(cp SocialchainSettlementCheckpoint, current SocialchainSettlementSignerSet, sigs []SocialchainSettlementSignature, next SocialchainSettlementSignerSet) []byte {
	enc, err := socialchainSettlement.abi.Pack("updateSignerSet", cp, current, sigs, next)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUpdateSignerSet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa74ac61d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function updateSignerSet((uint64,uint64,bytes32,bytes32,uint64,bytes32,uint64) cp, (uint64,address[],uint64[]) current, (uint32,uint8,bytes32,bytes32)[] sigs, (uint64,address[],uint64[]) next) returns()
func (socialchainSettlement *SocialchainSettlement) TryPackUpdateSignerSet(cp SocialchainSettlementCheckpoint, current SocialchainSettlementSignerSet, sigs []SocialchainSettlementSignature, next SocialchainSettlementSignerSet) ([]byte, error) {
	return socialchainSettlement.abi.Pack("updateSignerSet", cp, current, sigs, next)
}

// PackVerifyRecord is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x554c2948.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifyRecord(uint64 number, bytes32 leaf, bytes32[] proof) view returns(bool)
func (socialchainSettlement *SocialchainSettlement) PackVerifyRecord(number uint64, leaf [32]byte, proof [][32]byte) []byte {
	enc, err := socialchainSettlement.abi.Pack("verifyRecord", number, leaf, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifyRecord is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x554c2948.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifyRecord(uint64 number, bytes32 leaf, bytes32[] proof) view returns(bool)
func (socialchainSettlement *SocialchainSettlement) TryPackVerifyRecord(number uint64, leaf [32]byte, proof [][32]byte) ([]byte, error) {
	return socialchainSettlement.abi.Pack("verifyRecord", number, leaf, proof)
}

// UnpackVerifyRecord is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x554c2948.
//
// Solidity: function verifyRecord(uint64 number, bytes32 leaf, bytes32[] proof) view returns(bool)
func (socialchainSettlement *SocialchainSettlement) UnpackVerifyRecord(data []byte) (bool, error) {
	out, err := socialchainSettlement.abi.Unpack("verifyRecord", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// SocialchainSettlementCheckpointSubmitted represents a CheckpointSubmitted event raised by the SocialchainSettlement contract.
type SocialchainSettlementCheckpointSubmitted struct {
	Number         uint64
	Height         uint64
	AppHash        [32]byte
	SettlementRoot [32]byte
	SignerSetNonce uint64
	Time           uint64
	Raw            *types.Log // Blockchain specific contextual infos
}

const SocialchainSettlementCheckpointSubmittedEventName = "CheckpointSubmitted"

// ContractEventName returns the user-defined event name.
func (SocialchainSettlementCheckpointSubmitted) ContractEventName() string {
	return SocialchainSettlementCheckpointSubmittedEventName
}

// UnpackCheckpointSubmittedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event CheckpointSubmitted(uint64 indexed number, uint64 indexed height, bytes32 appHash, bytes32 settlementRoot, uint64 signerSetNonce, uint64 time)
func (socialchainSettlement *SocialchainSettlement) UnpackCheckpointSubmittedEvent(log *types.Log) (*SocialchainSettlementCheckpointSubmitted, error) {
	event := "CheckpointSubmitted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != socialchainSettlement.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SocialchainSettlementCheckpointSubmitted)
	if len(log.Data) > 0 {
		if err := socialchainSettlement.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range socialchainSettlement.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// SocialchainSettlementSignerSetUpdated represents a SignerSetUpdated event raised by the SocialchainSettlement contract.
type SocialchainSettlementSignerSetUpdated struct {
	Nonce         uint64
	SignerSetHash [32]byte
	Signers       []common.Address
	Powers        []uint64
	Raw           *types.Log // Blockchain specific contextual infos
}

const SocialchainSettlementSignerSetUpdatedEventName = "SignerSetUpdated"

// ContractEventName returns the user-defined event name.
func (SocialchainSettlementSignerSetUpdated) ContractEventName() string {
	return SocialchainSettlementSignerSetUpdatedEventName
}

// UnpackSignerSetUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event SignerSetUpdated(uint64 indexed nonce, bytes32 indexed signerSetHash, address[] signers, uint64[] powers)
func (socialchainSettlement *SocialchainSettlement) UnpackSignerSetUpdatedEvent(log *types.Log) (*SocialchainSettlementSignerSetUpdated, error) {
	event := "SignerSetUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != socialchainSettlement.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SocialchainSettlementSignerSetUpdated)
	if len(log.Data) > 0 {
		if err := socialchainSettlement.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range socialchainSettlement.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (socialchainSettlement *SocialchainSettlement) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], socialchainSettlement.abi.Errors["DuplicateAddress"].ID.Bytes()[:4]) {
		return socialchainSettlement.UnpackDuplicateAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], socialchainSettlement.abi.Errors["DuplicateOrUnsortedSigner"].ID.Bytes()[:4]) {
		return socialchainSettlement.UnpackDuplicateOrUnsortedSignerError(raw[4:])
	}
	if bytes.Equal(raw[:4], socialchainSettlement.abi.Errors["HandoverRequired"].ID.Bytes()[:4]) {
		return socialchainSettlement.UnpackHandoverRequiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], socialchainSettlement.abi.Errors["HighS"].ID.Bytes()[:4]) {
		return socialchainSettlement.UnpackHighSError(raw[4:])
	}
	if bytes.Equal(raw[:4], socialchainSettlement.abi.Errors["InsufficientPower"].ID.Bytes()[:4]) {
		return socialchainSettlement.UnpackInsufficientPowerError(raw[4:])
	}
	if bytes.Equal(raw[:4], socialchainSettlement.abi.Errors["InvalidSignature"].ID.Bytes()[:4]) {
		return socialchainSettlement.UnpackInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], socialchainSettlement.abi.Errors["InvalidSignerSet"].ID.Bytes()[:4]) {
		return socialchainSettlement.UnpackInvalidSignerSetError(raw[4:])
	}
	if bytes.Equal(raw[:4], socialchainSettlement.abi.Errors["InvalidTotalPower"].ID.Bytes()[:4]) {
		return socialchainSettlement.UnpackInvalidTotalPowerError(raw[4:])
	}
	if bytes.Equal(raw[:4], socialchainSettlement.abi.Errors["MalformedSignerSet"].ID.Bytes()[:4]) {
		return socialchainSettlement.UnpackMalformedSignerSetError(raw[4:])
	}
	if bytes.Equal(raw[:4], socialchainSettlement.abi.Errors["NextSetHashMismatch"].ID.Bytes()[:4]) {
		return socialchainSettlement.UnpackNextSetHashMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], socialchainSettlement.abi.Errors["NonceMismatch"].ID.Bytes()[:4]) {
		return socialchainSettlement.UnpackNonceMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], socialchainSettlement.abi.Errors["SignerIndexOutOfRange"].ID.Bytes()[:4]) {
		return socialchainSettlement.UnpackSignerIndexOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], socialchainSettlement.abi.Errors["StaleCheckpoint"].ID.Bytes()[:4]) {
		return socialchainSettlement.UnpackStaleCheckpointError(raw[4:])
	}
	if bytes.Equal(raw[:4], socialchainSettlement.abi.Errors["UnknownCheckpoint"].ID.Bytes()[:4]) {
		return socialchainSettlement.UnpackUnknownCheckpointError(raw[4:])
	}
	if bytes.Equal(raw[:4], socialchainSettlement.abi.Errors["ZeroAddress"].ID.Bytes()[:4]) {
		return socialchainSettlement.UnpackZeroAddressError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// SocialchainSettlementDuplicateAddress represents a DuplicateAddress error raised by the SocialchainSettlement contract.
type SocialchainSettlementDuplicateAddress struct {
	Index *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DuplicateAddress(uint256 index)
func SocialchainSettlementDuplicateAddressErrorID() common.Hash {
	return common.HexToHash("0x325100dcb62cc483fcbd7409340bde48080b03401de3e3b37580efc52d68cf7f")
}

// UnpackDuplicateAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DuplicateAddress(uint256 index)
func (socialchainSettlement *SocialchainSettlement) UnpackDuplicateAddressError(raw []byte) (*SocialchainSettlementDuplicateAddress, error) {
	out := new(SocialchainSettlementDuplicateAddress)
	if err := socialchainSettlement.abi.UnpackIntoInterface(out, "DuplicateAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SocialchainSettlementDuplicateOrUnsortedSigner represents a DuplicateOrUnsortedSigner error raised by the SocialchainSettlement contract.
type SocialchainSettlementDuplicateOrUnsortedSigner struct {
	Position    *big.Int
	SignerIndex *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DuplicateOrUnsortedSigner(uint256 position, uint256 signerIndex)
func SocialchainSettlementDuplicateOrUnsortedSignerErrorID() common.Hash {
	return common.HexToHash("0x3dde20a51258e976f3ee424b17f479a07cc71bc297cd5a02f6100eb1d7b53e59")
}

// UnpackDuplicateOrUnsortedSignerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DuplicateOrUnsortedSigner(uint256 position, uint256 signerIndex)
func (socialchainSettlement *SocialchainSettlement) UnpackDuplicateOrUnsortedSignerError(raw []byte) (*SocialchainSettlementDuplicateOrUnsortedSigner, error) {
	out := new(SocialchainSettlementDuplicateOrUnsortedSigner)
	if err := socialchainSettlement.abi.UnpackIntoInterface(out, "DuplicateOrUnsortedSigner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SocialchainSettlementHandoverRequired represents a HandoverRequired error raised by the SocialchainSettlement contract.
type SocialchainSettlementHandoverRequired struct {
	NextSignerSetHash [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error HandoverRequired(bytes32 nextSignerSetHash)
func SocialchainSettlementHandoverRequiredErrorID() common.Hash {
	return common.HexToHash("0x21d7908d16cb01dbf993a8f1530e5c396f04de5878eb8cba30579f9fcc3cb457")
}

// UnpackHandoverRequiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error HandoverRequired(bytes32 nextSignerSetHash)
func (socialchainSettlement *SocialchainSettlement) UnpackHandoverRequiredError(raw []byte) (*SocialchainSettlementHandoverRequired, error) {
	out := new(SocialchainSettlementHandoverRequired)
	if err := socialchainSettlement.abi.UnpackIntoInterface(out, "HandoverRequired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SocialchainSettlementHighS represents a HighS error raised by the SocialchainSettlement contract.
type SocialchainSettlementHighS struct {
	SignerIndex *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error HighS(uint256 signerIndex)
func SocialchainSettlementHighSErrorID() common.Hash {
	return common.HexToHash("0x9ddca1c96bf5df85bda9a85155bba25f24beea32631c2a3eb03a9997ab988f3f")
}

// UnpackHighSError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error HighS(uint256 signerIndex)
func (socialchainSettlement *SocialchainSettlement) UnpackHighSError(raw []byte) (*SocialchainSettlementHighS, error) {
	out := new(SocialchainSettlementHighS)
	if err := socialchainSettlement.abi.UnpackIntoInterface(out, "HighS", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SocialchainSettlementInsufficientPower represents a InsufficientPower error raised by the SocialchainSettlement contract.
type SocialchainSettlementInsufficientPower struct {
	SignedPower *big.Int
	TotalPower  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientPower(uint256 signedPower, uint256 totalPower)
func SocialchainSettlementInsufficientPowerErrorID() common.Hash {
	return common.HexToHash("0x00bfb6abc91300e23f23fef9f8adbfb149cb9bb556ab8e6efed6c3856e12d198")
}

// UnpackInsufficientPowerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientPower(uint256 signedPower, uint256 totalPower)
func (socialchainSettlement *SocialchainSettlement) UnpackInsufficientPowerError(raw []byte) (*SocialchainSettlementInsufficientPower, error) {
	out := new(SocialchainSettlementInsufficientPower)
	if err := socialchainSettlement.abi.UnpackIntoInterface(out, "InsufficientPower", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SocialchainSettlementInvalidSignature represents a InvalidSignature error raised by the SocialchainSettlement contract.
type SocialchainSettlementInvalidSignature struct {
	SignerIndex *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSignature(uint256 signerIndex)
func SocialchainSettlementInvalidSignatureErrorID() common.Hash {
	return common.HexToHash("0x52bf9848f4f569cd5e845a26f8524878f8ac004dcaace7433d78683624c84a76")
}

// UnpackInvalidSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSignature(uint256 signerIndex)
func (socialchainSettlement *SocialchainSettlement) UnpackInvalidSignatureError(raw []byte) (*SocialchainSettlementInvalidSignature, error) {
	out := new(SocialchainSettlementInvalidSignature)
	if err := socialchainSettlement.abi.UnpackIntoInterface(out, "InvalidSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SocialchainSettlementInvalidSignerSet represents a InvalidSignerSet error raised by the SocialchainSettlement contract.
type SocialchainSettlementInvalidSignerSet struct {
	Expected [32]byte
	Provided [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSignerSet(bytes32 expected, bytes32 provided)
func SocialchainSettlementInvalidSignerSetErrorID() common.Hash {
	return common.HexToHash("0xe1ee6f7feac7e5cc6590239b93874dbb7e44472044fa6a2acc4a2d06b1bd583f")
}

// UnpackInvalidSignerSetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSignerSet(bytes32 expected, bytes32 provided)
func (socialchainSettlement *SocialchainSettlement) UnpackInvalidSignerSetError(raw []byte) (*SocialchainSettlementInvalidSignerSet, error) {
	out := new(SocialchainSettlementInvalidSignerSet)
	if err := socialchainSettlement.abi.UnpackIntoInterface(out, "InvalidSignerSet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SocialchainSettlementInvalidTotalPower represents a InvalidTotalPower error raised by the SocialchainSettlement contract.
type SocialchainSettlementInvalidTotalPower struct {
	TotalPower *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidTotalPower(uint256 totalPower)
func SocialchainSettlementInvalidTotalPowerErrorID() common.Hash {
	return common.HexToHash("0xd866b28145cc7635b7a8e9b8560943fc47ac0291ed6902fc9c0b858eb9d387c5")
}

// UnpackInvalidTotalPowerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidTotalPower(uint256 totalPower)
func (socialchainSettlement *SocialchainSettlement) UnpackInvalidTotalPowerError(raw []byte) (*SocialchainSettlementInvalidTotalPower, error) {
	out := new(SocialchainSettlementInvalidTotalPower)
	if err := socialchainSettlement.abi.UnpackIntoInterface(out, "InvalidTotalPower", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SocialchainSettlementMalformedSignerSet represents a MalformedSignerSet error raised by the SocialchainSettlement contract.
type SocialchainSettlementMalformedSignerSet struct {
	Signers *big.Int
	Powers  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MalformedSignerSet(uint256 signers, uint256 powers)
func SocialchainSettlementMalformedSignerSetErrorID() common.Hash {
	return common.HexToHash("0xc00c7140be8bafd1e12137f0c1e34f6c6fba0a197170de000d9baeacb5658cc9")
}

// UnpackMalformedSignerSetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MalformedSignerSet(uint256 signers, uint256 powers)
func (socialchainSettlement *SocialchainSettlement) UnpackMalformedSignerSetError(raw []byte) (*SocialchainSettlementMalformedSignerSet, error) {
	out := new(SocialchainSettlementMalformedSignerSet)
	if err := socialchainSettlement.abi.UnpackIntoInterface(out, "MalformedSignerSet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SocialchainSettlementNextSetHashMismatch represents a NextSetHashMismatch error raised by the SocialchainSettlement contract.
type SocialchainSettlementNextSetHashMismatch struct {
	Committed [32]byte
	Provided  [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NextSetHashMismatch(bytes32 committed, bytes32 provided)
func SocialchainSettlementNextSetHashMismatchErrorID() common.Hash {
	return common.HexToHash("0x1b2b0870d48b4cccb7cb59ed0f7819f359c5952e0d8c8860c811ad008744afcb")
}

// UnpackNextSetHashMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NextSetHashMismatch(bytes32 committed, bytes32 provided)
func (socialchainSettlement *SocialchainSettlement) UnpackNextSetHashMismatchError(raw []byte) (*SocialchainSettlementNextSetHashMismatch, error) {
	out := new(SocialchainSettlementNextSetHashMismatch)
	if err := socialchainSettlement.abi.UnpackIntoInterface(out, "NextSetHashMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SocialchainSettlementNonceMismatch represents a NonceMismatch error raised by the SocialchainSettlement contract.
type SocialchainSettlementNonceMismatch struct {
	Expected uint64
	Provided uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NonceMismatch(uint64 expected, uint64 provided)
func SocialchainSettlementNonceMismatchErrorID() common.Hash {
	return common.HexToHash("0x6ced0d1c3834e24e39e05d64e80f6a8f3cbb0912b5990e721b9cd49507cf0cc1")
}

// UnpackNonceMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NonceMismatch(uint64 expected, uint64 provided)
func (socialchainSettlement *SocialchainSettlement) UnpackNonceMismatchError(raw []byte) (*SocialchainSettlementNonceMismatch, error) {
	out := new(SocialchainSettlementNonceMismatch)
	if err := socialchainSettlement.abi.UnpackIntoInterface(out, "NonceMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SocialchainSettlementSignerIndexOutOfRange represents a SignerIndexOutOfRange error raised by the SocialchainSettlement contract.
type SocialchainSettlementSignerIndexOutOfRange struct {
	SignerIndex *big.Int
	SetSize     *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SignerIndexOutOfRange(uint256 signerIndex, uint256 setSize)
func SocialchainSettlementSignerIndexOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x2b31ba6e56c0c233b4cb287ad47418e6c8f1c5473880eb225e27a23d30a23fb3")
}

// UnpackSignerIndexOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SignerIndexOutOfRange(uint256 signerIndex, uint256 setSize)
func (socialchainSettlement *SocialchainSettlement) UnpackSignerIndexOutOfRangeError(raw []byte) (*SocialchainSettlementSignerIndexOutOfRange, error) {
	out := new(SocialchainSettlementSignerIndexOutOfRange)
	if err := socialchainSettlement.abi.UnpackIntoInterface(out, "SignerIndexOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SocialchainSettlementStaleCheckpoint represents a StaleCheckpoint error raised by the SocialchainSettlement contract.
type SocialchainSettlementStaleCheckpoint struct {
	Number     uint64
	LastNumber uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StaleCheckpoint(uint64 number, uint64 lastNumber)
func SocialchainSettlementStaleCheckpointErrorID() common.Hash {
	return common.HexToHash("0xe4ecc2144972a57b602e0d13fa96ee18676c0b64fe8ebd0bafffa40a1bee17c6")
}

// UnpackStaleCheckpointError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StaleCheckpoint(uint64 number, uint64 lastNumber)
func (socialchainSettlement *SocialchainSettlement) UnpackStaleCheckpointError(raw []byte) (*SocialchainSettlementStaleCheckpoint, error) {
	out := new(SocialchainSettlementStaleCheckpoint)
	if err := socialchainSettlement.abi.UnpackIntoInterface(out, "StaleCheckpoint", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SocialchainSettlementUnknownCheckpoint represents a UnknownCheckpoint error raised by the SocialchainSettlement contract.
type SocialchainSettlementUnknownCheckpoint struct {
	Number uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownCheckpoint(uint64 number)
func SocialchainSettlementUnknownCheckpointErrorID() common.Hash {
	return common.HexToHash("0xe719c83ffcd8cbc2442d0845188399c92cc59fc37173356b2242992993317f94")
}

// UnpackUnknownCheckpointError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownCheckpoint(uint64 number)
func (socialchainSettlement *SocialchainSettlement) UnpackUnknownCheckpointError(raw []byte) (*SocialchainSettlementUnknownCheckpoint, error) {
	out := new(SocialchainSettlementUnknownCheckpoint)
	if err := socialchainSettlement.abi.UnpackIntoInterface(out, "UnknownCheckpoint", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SocialchainSettlementZeroAddress represents a ZeroAddress error raised by the SocialchainSettlement contract.
type SocialchainSettlementZeroAddress struct {
	Index *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddress(uint256 index)
func SocialchainSettlementZeroAddressErrorID() common.Hash {
	return common.HexToHash("0x6f7807d2345366f86bfba111c06d8e8635eb4445b77d3e2b3a1497d6c635b67c")
}

// UnpackZeroAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddress(uint256 index)
func (socialchainSettlement *SocialchainSettlement) UnpackZeroAddressError(raw []byte) (*SocialchainSettlementZeroAddress, error) {
	out := new(SocialchainSettlementZeroAddress)
	if err := socialchainSettlement.abi.UnpackIntoInterface(out, "ZeroAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}
