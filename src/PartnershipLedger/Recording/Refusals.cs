namespace PartnershipLedger.Recording;

/// <summary>The thing a command is about does not exist (or the caller may not know it does).</summary>
public sealed class NotFoundException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

/// <summary>The command collides with what is already recorded: a stale expected version, a reused command id.</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>The caller did not say who they are.</summary>
public sealed class UnauthenticatedException(string message) : Exception(message);
