namespace PartnershipLedger.Access;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthSettings
{
    /// <summary>Base64 HMAC-SHA256 key of at least 32 bytes that signs tokens; required outside Development.</summary>
    public string? SigningKey { get; set; }

    /// <summary>How long an issued token holds unless the issuer says otherwise.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Development only: where to write an admin token at start-up (ops/run: .data/dev-token).</summary>
    public string? DevTokenFile { get; set; }

    /// <summary>The user named on the development admin token.</summary>
    public string DevTokenUser { get; set; } = "developer";

    /// <summary>How often, at most, this node reads the revocations recorded on other nodes (the longest a token revoked elsewhere still works here).</summary>
    public TimeSpan RevocationCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    public const int MinimumKeyBytes = 32;
}
