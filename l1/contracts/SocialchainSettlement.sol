// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// @title SocialchainSettlement
/// @notice Holds the state roots of the socialchain Cosmos appchain on an
/// Ethereum L1. A checkpoint is accepted when signers holding more than 2/3
/// of the current signer set's power signed its EIP-712 digest. The contract
/// stores only the hash of the current signer set; callers pass the full set
/// with every call and the contract checks it against that hash.
///
/// Hashing rules (mirrored by the Go package x/settlement/l1):
///   domain      EIP712Domain(string name,string version,uint256 chainId,
///               address verifyingContract,bytes32 salt) with name
///               "SocialchainSettlement", version "1", chainId = block.chainid,
///               verifyingContract = this contract and
///               salt = keccak256(bytes(cosmosChainId)).
///   checkpoint  Checkpoint(uint64 number,uint64 height,bytes32 appHash,
///               bytes32 settlementRoot,uint64 signerSetNonce,
///               bytes32 nextSignerSetHash,uint64 time), digest =
///               keccak256(0x1901 ‖ domainSeparator ‖ structHash).
///   signer set  keccak256(abi.encode(uint64 nonce, address[] signers,
///               uint64[] powers)).
///   merkle      sorted-pair keccak256: parent = keccak256(min(a,b) ‖ max(a,b)),
///               a last odd node carried up unchanged; leaves are tagged
///               (postLeaf, profileLeaf) and their preimages are never 64 bytes.
contract SocialchainSettlement {
    /// @notice The message validators sign: the state of the appchain after
    /// block `height`, and the signer set that signs the next checkpoint.
    struct Checkpoint {
        uint64 number;
        uint64 height;
        bytes32 appHash;
        bytes32 settlementRoot;
        uint64 signerSetNonce;
        bytes32 nextSignerSetHash;
        uint64 time;
    }

    /// @notice An ordered signer set: Ethereum addresses and their powers
    /// (normalized on the appchain so that they sum to at most 2^32).
    struct SignerSet {
        uint64 nonce;
        address[] signers;
        uint64[] powers;
    }

    /// @notice A signature by the signer at `signerIndex` of the signing set.
    /// Signatures must be given in strictly increasing signerIndex order.
    struct Signature {
        uint32 signerIndex;
        uint8 v;
        bytes32 r;
        bytes32 s;
    }

    /// @notice What the contract keeps per accepted checkpoint.
    struct StoredCheckpoint {
        bytes32 appHash;
        bytes32 settlementRoot;
        uint64 height;
        uint64 time;
        uint64 l1BlockNumber;
    }

    /// @notice The checkpoint number is not greater than the last accepted one.
    error StaleCheckpoint(uint64 number, uint64 lastNumber);
    /// @notice The signer set passed in does not hash to the stored one.
    error InvalidSignerSet(bytes32 expected, bytes32 provided);
    /// @notice A nonce is not the one expected (a checkpoint's signerSetNonce,
    /// or a next set whose nonce is not the current nonce + 1).
    error NonceMismatch(uint64 expected, uint64 provided);
    /// @notice submitCheckpoint got a checkpoint that commits to a different
    /// next signer set; it must be submitted with updateSignerSet.
    error HandoverRequired(bytes32 nextSignerSetHash);
    /// @notice The next signer set does not hash to what the checkpoint committed to.
    error NextSetHashMismatch(bytes32 committed, bytes32 provided);
    /// @notice Signatures are not in strictly increasing signer index order
    /// (this also refuses two signatures by the same signer).
    error DuplicateOrUnsortedSigner(uint256 position, uint256 signerIndex);
    /// @notice A signature names a signer index outside the set.
    error SignerIndexOutOfRange(uint256 signerIndex, uint256 setSize);
    /// @notice A signature does not recover to the signer it names, or has v
    /// outside {27, 28}.
    error InvalidSignature(uint256 signerIndex);
    /// @notice A signature's s is in the upper half of the curve order (malleable).
    error HighS(uint256 signerIndex);
    /// @notice The signers' power is not more than 2/3 of the set's total power.
    error InsufficientPower(uint256 signedPower, uint256 totalPower);
    /// @notice A new signer set is empty or its arrays differ in length.
    error MalformedSignerSet(uint256 signers, uint256 powers);
    /// @notice A new signer set holds the zero address.
    error ZeroAddress(uint256 index);
    /// @notice A new signer set holds the same address twice.
    error DuplicateAddress(uint256 index);
    /// @notice A new signer set's total power is zero or above 2^32.
    error InvalidTotalPower(uint256 totalPower);
    /// @notice No checkpoint is stored under this number.
    error UnknownCheckpoint(uint64 number);

    /// @notice Emitted for every accepted checkpoint.
    event CheckpointSubmitted(
        uint64 indexed number,
        uint64 indexed height,
        bytes32 appHash,
        bytes32 settlementRoot,
        uint64 signerSetNonce,
        uint64 time
    );

    /// @notice Emitted when a signer set becomes current (also at deployment),
    /// with the whole set so that it can be rebuilt from L1 logs alone.
    event SignerSetUpdated(uint64 indexed nonce, bytes32 indexed signerSetHash, address[] signers, uint64[] powers);

    string public constant NAME = "SocialchainSettlement";
    string public constant VERSION = "1";
    uint256 public constant MAX_TOTAL_POWER = 1 << 32;
    uint8 public constant LEAF_TAG_POST = 1;
    uint8 public constant LEAF_TAG_PROFILE = 2;

    bytes32 public constant DOMAIN_TYPEHASH = keccak256(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract,bytes32 salt)"
    );
    bytes32 public constant CHECKPOINT_TYPEHASH = keccak256(
        "Checkpoint(uint64 number,uint64 height,bytes32 appHash,bytes32 settlementRoot,uint64 signerSetNonce,bytes32 nextSignerSetHash,uint64 time)"
    );

    // secp256k1n / 2: signatures with a larger s are refused (EIP-2).
    uint256 private constant HALF_CURVE_ORDER = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    /// @notice keccak256 of the Cosmos chain id; the EIP-712 domain salt.
    bytes32 public immutable cosmosChainIdHash;
    uint256 private immutable cachedChainId;
    bytes32 private immutable cachedDomainSeparator;

    /// @notice The Cosmos chain id this contract settles.
    string public cosmosChainId;
    /// @notice Hash of the current signer set (see hashSignerSet).
    bytes32 public signerSetHash;
    // The three below share one storage slot; every call reads all of them.
    /// @notice Nonce of the current signer set.
    uint64 public signerSetNonce;
    /// @notice Sum of the current signer set's powers.
    uint64 public signerSetTotalPower;
    /// @notice Number of the last accepted checkpoint (0: none yet).
    uint64 public lastCheckpointNumber;

    mapping(uint64 => StoredCheckpoint) private checkpoints;

    /// @param cosmosChainId_ the appchain's chain id, e.g. "socialchain-1".
    /// @param initial the signer set that signs the first checkpoint.
    constructor(string memory cosmosChainId_, SignerSet memory initial) {
        bytes32 salt = keccak256(bytes(cosmosChainId_));
        cosmosChainIdHash = salt;
        cosmosChainId = cosmosChainId_;
        cachedChainId = block.chainid;
        cachedDomainSeparator = _buildDomainSeparator(salt);
        uint256 total = _validateSignerSet(initial);
        _setSignerSet(initial, _hashSignerSetMemory(initial), total);
    }

    // ---------------------------------------------------------------------
    // Checkpoints

    /// @notice Accepts a checkpoint signed by more than 2/3 of the power of
    /// the current signer set. The checkpoint must keep the signer set
    /// (nextSignerSetHash == signerSetHash); a handover goes through
    /// updateSignerSet.
    function submitCheckpoint(Checkpoint calldata cp, SignerSet calldata current, Signature[] calldata sigs)
        external
    {
        bytes32 currentHash = _checkHeader(cp, current);
        if (cp.nextSignerSetHash != currentHash) revert HandoverRequired(cp.nextSignerSetHash);
        _verifySignatures(checkpointDigest(cp), current, sigs);
        _storeCheckpoint(cp);
    }

    /// @notice Accepts a checkpoint that hands over to a new signer set, and
    /// makes that set current. The checkpoint is signed by the OUTGOING set
    /// (more than 2/3 of its power) and commits to the next set by hash; the
    /// next set's nonce must be the current nonce + 1.
    function updateSignerSet(
        Checkpoint calldata cp,
        SignerSet calldata current,
        Signature[] calldata sigs,
        SignerSet calldata next
    ) external {
        _checkHeader(cp, current);
        SignerSet memory nextSet = next;
        bytes32 nextHash = _hashSignerSetMemory(nextSet);
        if (nextHash != cp.nextSignerSetHash) revert NextSetHashMismatch(cp.nextSignerSetHash, nextHash);
        if (next.nonce != current.nonce + 1) revert NonceMismatch(current.nonce + 1, next.nonce);
        uint256 nextTotal = _validateSignerSet(nextSet);
        _verifySignatures(checkpointDigest(cp), current, sigs);
        _storeCheckpoint(cp);
        _setSignerSet(nextSet, nextHash, nextTotal);
    }

    // ---------------------------------------------------------------------
    // Views

    /// @notice The stored checkpoint under `number`; reverts UnknownCheckpoint
    /// if there is none.
    function checkpointAt(uint64 number) external view returns (StoredCheckpoint memory) {
        StoredCheckpoint memory c = checkpoints[number];
        if (c.l1BlockNumber == 0) revert UnknownCheckpoint(number);
        return c;
    }

    /// @notice Whether `leaf` is a record of checkpoint `number`: folds the
    /// sorted-pair keccak256 Merkle `proof` from `leaf` and compares the
    /// result with the stored settlement root. Reverts UnknownCheckpoint if
    /// the checkpoint is not stored. A checkpoint with no records (zero root)
    /// proves nothing.
    function verifyRecord(uint64 number, bytes32 leaf, bytes32[] calldata proof) external view returns (bool) {
        StoredCheckpoint storage c = checkpoints[number];
        if (c.l1BlockNumber == 0) revert UnknownCheckpoint(number);
        bytes32 root = c.settlementRoot;
        if (root == bytes32(0)) return false;
        bytes32 h = leaf;
        for (uint256 i; i < proof.length; ++i) {
            h = _hashPair(h, proof[i]);
        }
        return h == root;
    }

    /// @notice The settlement leaf of a post:
    /// keccak256(abi.encodePacked(uint8(1), author, postId, contentHash)).
    function postLeaf(address author, uint64 postId, bytes32 contentHash) external pure returns (bytes32) {
        return keccak256(abi.encodePacked(LEAF_TAG_POST, author, postId, contentHash));
    }

    /// @notice The settlement leaf of a profile:
    /// keccak256(abi.encodePacked(uint8(2), owner, keccak256(bytes(handle)), profileHash)).
    function profileLeaf(address owner, string calldata handle, bytes32 profileHash) external pure returns (bytes32) {
        return keccak256(abi.encodePacked(LEAF_TAG_PROFILE, owner, keccak256(bytes(handle)), profileHash));
    }

    /// @notice The EIP-712 digest the signers sign for `cp`.
    function checkpointDigest(Checkpoint calldata cp) public view returns (bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(
                CHECKPOINT_TYPEHASH,
                cp.number,
                cp.height,
                cp.appHash,
                cp.settlementRoot,
                cp.signerSetNonce,
                cp.nextSignerSetHash,
                cp.time
            )
        );
        return keccak256(abi.encodePacked(hex"1901", domainSeparator(), structHash));
    }

    /// @notice The EIP-712 domain separator (recomputed if the L1 chain id
    /// changed since deployment, e.g. after a fork).
    function domainSeparator() public view returns (bytes32) {
        if (block.chainid == cachedChainId) return cachedDomainSeparator;
        return _buildDomainSeparator(cosmosChainIdHash);
    }

    /// @notice EIP-5267 domain description: name, version, chainId,
    /// verifyingContract and salt are used (fields = 0x1f).
    function eip712Domain()
        external
        view
        returns (
            bytes1 fields,
            string memory name,
            string memory version,
            uint256 chainId,
            address verifyingContract,
            bytes32 salt,
            uint256[] memory extensions
        )
    {
        return (hex"1f", NAME, VERSION, block.chainid, address(this), cosmosChainIdHash, new uint256[](0));
    }

    /// @notice keccak256(abi.encode(set.nonce, set.signers, set.powers)).
    function hashSignerSet(SignerSet calldata set) public pure returns (bytes32) {
        return keccak256(abi.encode(set.nonce, set.signers, set.powers));
    }

    /// @dev Same as hashSignerSet for a set in memory.
    function _hashSignerSetMemory(SignerSet memory set) private pure returns (bytes32) {
        return keccak256(abi.encode(set.nonce, set.signers, set.powers));
    }

    // ---------------------------------------------------------------------
    // Internals

    /// @dev Checks shared by both entry points; returns the current set's hash.
    function _checkHeader(Checkpoint calldata cp, SignerSet calldata current) private view returns (bytes32 h) {
        uint64 last = lastCheckpointNumber;
        if (cp.number <= last) revert StaleCheckpoint(cp.number, last);
        h = hashSignerSet(current);
        bytes32 stored = signerSetHash;
        if (h != stored) revert InvalidSignerSet(stored, h);
        // The hash binds current.nonce to the stored nonce.
        if (cp.signerSetNonce != current.nonce) revert NonceMismatch(current.nonce, cp.signerSetNonce);
    }

    /// @dev Reverts unless `sigs` are valid signatures of `digest` by signers
    /// of `set` in strictly increasing index order whose power is more than
    /// 2/3 of the set's total. Any invalid signature refuses the call, so a
    /// relayer passes only signatures it has checked.
    function _verifySignatures(bytes32 digest, SignerSet calldata set, Signature[] calldata sigs) private view {
        uint256 n = set.signers.length;
        uint256 signed;
        uint256 minIndex;
        for (uint256 i; i < sigs.length; ++i) {
            Signature calldata sig = sigs[i];
            uint256 idx = sig.signerIndex;
            if (idx < minIndex) revert DuplicateOrUnsortedSigner(i, idx);
            if (idx >= n) revert SignerIndexOutOfRange(idx, n);
            if (uint256(sig.s) > HALF_CURVE_ORDER) revert HighS(idx);
            if (sig.v != 27 && sig.v != 28) revert InvalidSignature(idx);
            address signer = ecrecover(digest, sig.v, sig.r, sig.s);
            if (signer == address(0) || signer != set.signers[idx]) revert InvalidSignature(idx);
            signed += set.powers[idx];
            minIndex = idx + 1;
        }
        uint256 total = signerSetTotalPower;
        if (3 * signed <= 2 * total) revert InsufficientPower(signed, total);
    }

    function _storeCheckpoint(Checkpoint calldata cp) private {
        checkpoints[cp.number] = StoredCheckpoint({
            appHash: cp.appHash,
            settlementRoot: cp.settlementRoot,
            height: cp.height,
            time: cp.time,
            l1BlockNumber: uint64(block.number)
        });
        lastCheckpointNumber = cp.number;
        emit CheckpointSubmitted(cp.number, cp.height, cp.appHash, cp.settlementRoot, cp.signerSetNonce, cp.time);
    }

    /// @dev Makes a validated set current.
    function _setSignerSet(SignerSet memory set, bytes32 h, uint256 total) private {
        signerSetHash = h;
        signerSetNonce = set.nonce;
        signerSetTotalPower = uint64(total);
        emit SignerSetUpdated(set.nonce, h, set.signers, set.powers);
    }

    /// @dev Refuses an empty or ragged set, a zero or repeated address, and a
    /// total power of zero or above 2^32; returns the total power. Uniqueness
    /// is checked in O(n) with transient storage keyed by the address itself
    /// (this contract uses transient storage for nothing else), cleared again
    /// before returning.
    function _validateSignerSet(SignerSet memory set) private returns (uint256 total) {
        uint256 n = set.signers.length;
        if (n == 0 || n != set.powers.length) revert MalformedSignerSet(n, set.powers.length);
        for (uint256 i; i < n; ++i) {
            address a = set.signers[i];
            if (a == address(0)) revert ZeroAddress(i);
            uint256 seen;
            assembly ("memory-safe") {
                seen := tload(a)
            }
            if (seen != 0) revert DuplicateAddress(i);
            assembly ("memory-safe") {
                tstore(a, 1)
            }
            total += set.powers[i];
        }
        for (uint256 i; i < n; ++i) {
            address a = set.signers[i];
            assembly ("memory-safe") {
                tstore(a, 0)
            }
        }
        if (total == 0 || total > MAX_TOTAL_POWER) revert InvalidTotalPower(total);
    }

    function _buildDomainSeparator(bytes32 salt) private view returns (bytes32) {
        return keccak256(
            abi.encode(
                DOMAIN_TYPEHASH, keccak256(bytes(NAME)), keccak256(bytes(VERSION)), block.chainid, address(this), salt
            )
        );
    }

    function _hashPair(bytes32 a, bytes32 b) private pure returns (bytes32 h) {
        (bytes32 lo, bytes32 hi) = a < b ? (a, b) : (b, a);
        assembly ("memory-safe") {
            mstore(0x00, lo)
            mstore(0x20, hi)
            h := keccak256(0x00, 0x40)
        }
    }
}
