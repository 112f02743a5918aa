using System.ComponentModel;

namespace PartnershipLedger.Access;

// The events of a token's stream: one stream per token, so who was given access, who lost it and every refusal
// of its holder stand in the ledger like any other fact.
[Description("An admin issued a bearer token to a user acting for an organization, with a role and a reach.")] public sealed record TokenIssued(Guid TokenId, string User, Guid? OrganizationId, Role Role, IReadOnlyList<Guid> Reach, DateTimeOffset ExpiresAt, DateTimeOffset OccurredAt);
[Description("An admin revoked a token: from then on it is refused.")] public sealed record TokenRevoked(Guid TokenId, string Reason, DateTimeOffset OccurredAt);
[Description("The token's holder was refused: they asked for something outside their role or reach.")] public sealed record AccessDenied(Guid TokenId, string Operation, string Reason, DateTimeOffset OccurredAt);

/// <summary>A token as issued, and whether it still holds (inline snapshot of its stream).</summary>
public sealed class AccessToken
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string User { get; set; } = "";
    public Guid? OrganizationId { get; set; }
    public Role Role { get; set; }
    public List<Guid> Reach { get; set; } = [];
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevocationReason { get; set; }
    public int Denials { get; set; }

    public static AccessToken Create(TokenIssued e) => new()
    {
        Id = e.TokenId,
        User = e.User,
        OrganizationId = e.OrganizationId,
        Role = e.Role,
        Reach = e.Reach.ToList(),
        IssuedAt = e.OccurredAt,
        ExpiresAt = e.ExpiresAt,
    };

    public void Apply(TokenRevoked e)
    {
        RevokedAt = e.OccurredAt;
        RevocationReason = e.Reason;
    }

    public void Apply(AccessDenied e) => Denials++;

    /// <summary>Why the token no longer lets its holder in at <paramref name="now"/>, or null while it does.</summary>
    public string? Refusal(DateTimeOffset now) =>
        RevokedAt is not null ? $"The bearer token was revoked ({RevocationReason})."
        : ExpiresAt <= now ? $"The bearer token expired at {ExpiresAt:u}."
        : null;
}
