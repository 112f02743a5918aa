namespace PartnershipLedger.Recording;

/// <summary>The thing a command is about does not exist (or the caller may not know it does).</summary>
public sealed class NotFoundException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;

    /// <summary>
    /// True when the thing exists but lies outside the caller's reach: answered exactly like a missing one, so the
    /// caller cannot tell, and recorded as an access denial.
    /// </summary>
    public bool OutOfReach { get; init; }
}

/// <summary>The command collides with what is already recorded: a stale expected version, a reused command id.</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>The caller did not say who they are.</summary>
public sealed class UnauthenticatedException(string message) : Exception(message);

/// <summary>The caller is known but their role does not allow this (an auditor recording, a member issuing tokens).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
