// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title Registry of the model versions, access policies and ethical constraints the DAO voted.
/// @notice Owned by the timelock, so only executed proposals write it. The inference gateway
/// serves a version only while it is Approved here and its artifact's sha256 matches.
/// Every change emits an event that carries all of its data, so the whole state can be
/// rebuilt from logs alone.
/// @dev Decimal values (input ranges, confidences) are fixed-point integers scaled by
/// VALUE_SCALE (1e6): 0.6 is stored as 600000.
contract ModelRegistry is Ownable {
    uint256 public constant VALUE_SCALE = 1e6;

    enum VersionState {
        Unknown,
        Approved,
        Revoked
    }

    enum PolicyKind {
        Public,
        TokenHolders,
        AllowList
    }

    /// @notice Kinds of ethical constraint. What each field means per kind:
    /// MaxInputSize: maxValue = most elements a request may send per input (target: input name, "" = every input).
    /// InputRange: [minValue, maxValue] (scaled) every element of input `target` must lie in.
    /// ForbiddenOutputLabel: `values` are labels that must never be returned.
    /// MinConfidence: minValue (scaled) below which the model must abstain.
    /// AllowedPurposes: `values` are the purposes a caller may declare; a request must declare one.
    enum ConstraintKind {
        MaxInputSize,
        InputRange,
        ForbiddenOutputLabel,
        MinConfidence,
        AllowedPurposes
    }

    struct ModelVersion {
        string model;
        string version;
        bytes32 artifactSha256;
        string artifactUri;
        bytes32 cardSha256;
        string cardUri;
        string format;
        VersionState state;
        string revocationReason;
        uint64 approvedAtBlock;
        uint64 revokedAtBlock;
    }

    struct AccessPolicy {
        PolicyKind kind;
        uint256 minVotes;
        uint32 requestsPerMinute;
        uint32 maxBatchSize;
        address[] allowList;
    }

    struct EthicalConstraint {
        uint256 id;
        ConstraintKind kind;
        string target;
        int256 minValue;
        int256 maxValue;
        string[] values;
        string rationale;
    }

    /// @notice Input of approveVersion (a struct keeps the ABI readable and the stack shallow).
    struct VersionSubmission {
        string model;
        string version;
        bytes32 artifactSha256;
        string artifactUri;
        bytes32 cardSha256;
        string cardUri;
        string format;
    }

    error EmptyName();
    error ZeroHash();
    error EmptyUri();
    error VersionAlreadyRegistered(string model, string version);
    error UnknownVersion(string model, string version);
    error VersionAlreadyRevoked(string model, string version);
    error VersionNotApproved(string model, string version);
    error UnknownModel(string model);
    error InvalidAccessPolicy(string why);
    error InvalidConstraint(string why);
    error UnknownConstraint(string model, uint256 constraintId);

    event ModelVersionApproved(
        bytes32 indexed modelKey,
        string model,
        string version,
        bytes32 artifactSha256,
        string artifactUri,
        bytes32 cardSha256,
        string cardUri,
        string format
    );
    event ModelVersionRevoked(bytes32 indexed modelKey, string model, string version, string reason);
    /// @notice The alias unversioned requests resolve to moved. newVersion "" means no version is current.
    event CurrentVersionChanged(bytes32 indexed modelKey, string model, string previousVersion, string newVersion);
    event AccessPolicySet(
        bytes32 indexed modelKey,
        string model,
        PolicyKind kind,
        uint256 minVotes,
        uint32 requestsPerMinute,
        uint32 maxBatchSize,
        address[] allowList
    );
    event EthicalConstraintAdded(
        bytes32 indexed modelKey,
        string model,
        uint256 indexed constraintId,
        ConstraintKind kind,
        string target,
        int256 minValue,
        int256 maxValue,
        string[] values,
        string rationale
    );
    event EthicalConstraintRemoved(
        bytes32 indexed modelKey, string model, uint256 indexed constraintId, string reason
    );

    string[] private _models;
    mapping(bytes32 modelKey => bool) private _modelKnown;
    mapping(bytes32 modelKey => string[]) private _versionNames;
    mapping(bytes32 versionKey => ModelVersion) private _versions;
    mapping(bytes32 modelKey => string) private _current;
    mapping(bytes32 modelKey => AccessPolicy) private _policies;
    mapping(bytes32 modelKey => bool) private _policySet;
    mapping(bytes32 modelKey => EthicalConstraint[]) private _constraints;
    uint256 private _nextConstraintId = 1;

    constructor(address timelock) Ownable(timelock) {}

    // ---------------------------------------------------------------- writes (owner only)

    function approveVersion(VersionSubmission calldata submission) external onlyOwner {
        if (bytes(submission.model).length == 0 || bytes(submission.version).length == 0) revert EmptyName();
        if (submission.artifactSha256 == bytes32(0) || submission.cardSha256 == bytes32(0)) revert ZeroHash();
        if (bytes(submission.artifactUri).length == 0 || bytes(submission.cardUri).length == 0) revert EmptyUri();
        bytes32 modelKey = keyOf(submission.model);
        bytes32 versionKey = versionKeyOf(submission.model, submission.version);
        if (_versions[versionKey].state != VersionState.Unknown) {
            revert VersionAlreadyRegistered(submission.model, submission.version);
        }
        if (!_modelKnown[modelKey]) {
            _modelKnown[modelKey] = true;
            _models.push(submission.model);
        }
        _versionNames[modelKey].push(submission.version);
        _versions[versionKey] = ModelVersion({
            model: submission.model,
            version: submission.version,
            artifactSha256: submission.artifactSha256,
            artifactUri: submission.artifactUri,
            cardSha256: submission.cardSha256,
            cardUri: submission.cardUri,
            format: submission.format,
            state: VersionState.Approved,
            revocationReason: "",
            approvedAtBlock: uint64(block.number),
            revokedAtBlock: 0
        });
        emit ModelVersionApproved(
            modelKey,
            submission.model,
            submission.version,
            submission.artifactSha256,
            submission.artifactUri,
            submission.cardSha256,
            submission.cardUri,
            submission.format
        );
    }

    /// @notice Revokes a version for good. Revoking the current version leaves the model
    /// with no current version until a proposal names another one.
    function revokeVersion(string calldata model, string calldata version, string calldata reason)
        external
        onlyOwner
    {
        ModelVersion storage stored = _versions[versionKeyOf(model, version)];
        if (stored.state == VersionState.Unknown) revert UnknownVersion(model, version);
        if (stored.state == VersionState.Revoked) revert VersionAlreadyRevoked(model, version);
        stored.state = VersionState.Revoked;
        stored.revocationReason = reason;
        stored.revokedAtBlock = uint64(block.number);
        bytes32 modelKey = keyOf(model);
        emit ModelVersionRevoked(modelKey, model, version, reason);
        if (keccak256(bytes(_current[modelKey])) == keccak256(bytes(version))) {
            _current[modelKey] = "";
            emit CurrentVersionChanged(modelKey, model, version, "");
        }
    }

    function setCurrentVersion(string calldata model, string calldata version) external onlyOwner {
        if (_versions[versionKeyOf(model, version)].state != VersionState.Approved) {
            revert VersionNotApproved(model, version);
        }
        bytes32 modelKey = keyOf(model);
        string memory previous = _current[modelKey];
        _current[modelKey] = version;
        emit CurrentVersionChanged(modelKey, model, previous, version);
    }

    function setAccessPolicy(string calldata model, AccessPolicy calldata policy) external onlyOwner {
        bytes32 modelKey = _requireKnownModel(model);
        if (policy.requestsPerMinute == 0) revert InvalidAccessPolicy("requestsPerMinute must be positive");
        if (policy.maxBatchSize == 0) revert InvalidAccessPolicy("maxBatchSize must be positive");
        if (policy.kind == PolicyKind.TokenHolders && policy.minVotes == 0) {
            revert InvalidAccessPolicy("token-holder policy needs minVotes > 0");
        }
        if (policy.kind == PolicyKind.AllowList && policy.allowList.length == 0) {
            revert InvalidAccessPolicy("allow-list policy needs at least one address");
        }
        if (policy.kind != PolicyKind.AllowList && policy.allowList.length != 0) {
            revert InvalidAccessPolicy("only an allow-list policy lists addresses");
        }
        _policies[modelKey] = policy;
        _policySet[modelKey] = true;
        emit AccessPolicySet(
            modelKey, model, policy.kind, policy.minVotes, policy.requestsPerMinute, policy.maxBatchSize, policy.allowList
        );
    }

    /// @return constraintId the registry-wide id the constraint gets; removal names it.
    function addConstraint(string calldata model, EthicalConstraint calldata constraint)
        external
        onlyOwner
        returns (uint256 constraintId)
    {
        bytes32 modelKey = _requireKnownModel(model);
        _validate(constraint);
        constraintId = _nextConstraintId++;
        EthicalConstraint storage stored = _constraints[modelKey].push();
        stored.id = constraintId;
        stored.kind = constraint.kind;
        stored.target = constraint.target;
        stored.minValue = constraint.minValue;
        stored.maxValue = constraint.maxValue;
        stored.rationale = constraint.rationale;
        for (uint256 i = 0; i < constraint.values.length; i++) {
            stored.values.push(constraint.values[i]);
        }
        emit EthicalConstraintAdded(
            modelKey,
            model,
            constraintId,
            constraint.kind,
            constraint.target,
            constraint.minValue,
            constraint.maxValue,
            constraint.values,
            constraint.rationale
        );
    }

    function removeConstraint(string calldata model, uint256 constraintId, string calldata reason)
        external
        onlyOwner
    {
        bytes32 modelKey = keyOf(model);
        EthicalConstraint[] storage list = _constraints[modelKey];
        for (uint256 i = 0; i < list.length; i++) {
            if (list[i].id == constraintId) {
                list[i] = list[list.length - 1];
                list.pop();
                emit EthicalConstraintRemoved(modelKey, model, constraintId, reason);
                return;
            }
        }
        revert UnknownConstraint(model, constraintId);
    }

    // ---------------------------------------------------------------- reads

    function models() external view returns (string[] memory) {
        return _models;
    }

    function versionsOf(string calldata model) external view returns (string[] memory) {
        return _versionNames[keyOf(model)];
    }

    function getVersion(string calldata model, string calldata version) external view returns (ModelVersion memory) {
        ModelVersion memory found = _versions[versionKeyOf(model, version)];
        if (found.state == VersionState.Unknown) revert UnknownVersion(model, version);
        return found;
    }

    function isApproved(string calldata model, string calldata version, bytes32 artifactSha256)
        external
        view
        returns (bool)
    {
        ModelVersion storage found = _versions[versionKeyOf(model, version)];
        return found.state == VersionState.Approved && found.artifactSha256 == artifactSha256;
    }

    /// @return the current version's name, "" when none is current.
    function currentVersion(string calldata model) external view returns (string memory) {
        return _current[keyOf(model)];
    }

    function hasAccessPolicy(string calldata model) external view returns (bool) {
        return _policySet[keyOf(model)];
    }

    function accessPolicy(string calldata model) external view returns (AccessPolicy memory) {
        return _policies[keyOf(model)];
    }

    function constraintsOf(string calldata model) external view returns (EthicalConstraint[] memory) {
        return _constraints[keyOf(model)];
    }

    function keyOf(string memory model) public pure returns (bytes32) {
        return keccak256(bytes(model));
    }

    function versionKeyOf(string memory model, string memory version) public pure returns (bytes32) {
        return keccak256(abi.encode(model, version));
    }

    // ---------------------------------------------------------------- internals

    function _requireKnownModel(string calldata model) private view returns (bytes32 modelKey) {
        modelKey = keyOf(model);
        if (!_modelKnown[modelKey]) revert UnknownModel(model);
    }

    function _validate(EthicalConstraint calldata constraint) private pure {
        if (bytes(constraint.rationale).length == 0) revert InvalidConstraint("a rationale is required");
        ConstraintKind kind = constraint.kind;
        if (kind == ConstraintKind.MaxInputSize && constraint.maxValue <= 0) {
            revert InvalidConstraint("max input size must be positive");
        }
        if (kind == ConstraintKind.InputRange) {
            if (bytes(constraint.target).length == 0) revert InvalidConstraint("input range needs an input name");
            if (constraint.minValue > constraint.maxValue) revert InvalidConstraint("range minimum above maximum");
        }
        if (
            kind == ConstraintKind.MinConfidence
                && (constraint.minValue <= 0 || constraint.minValue > int256(VALUE_SCALE))
        ) {
            revert InvalidConstraint("minimum confidence must lie in (0, 1]");
        }
        if (
            (kind == ConstraintKind.ForbiddenOutputLabel || kind == ConstraintKind.AllowedPurposes)
                && constraint.values.length == 0
        ) {
            revert InvalidConstraint("at least one value is required");
        }
    }
}
