using GraphQL.Types;
using Marten;
using PartnershipLedger.Graph;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Access;

/// <summary>An admin withdraws a token: it is refused from the next request on.</summary>
public sealed record RevokeToken(Guid TokenId, string Reason) : StreamCommand
{
    public IEnumerable<object> Decide(AccessToken token, Decision decision)
    {
        var reason = decision.RequiredText("reason", Reason, Limits.Name);
        decision.Require(token.RevokedAt is null, "tokenId", $"The token was already revoked at {token.RevokedAt:u}.");
        yield return new TokenRevoked(token.Id, reason, decision.Now);
    }
}

public static class RevokeTokenHandler
{
    public static async Task<Recorded> Handle(RevokeToken command, IDocumentSession session, TimeProvider clock, TokenRegistry registry, CancellationToken cancellation)
    {
        command.Actor.RequireAdmin("revoke tokens");
        var recorded = await session.RecordAsync<AccessToken>(command, command.TokenId, clock.GetUtcNow(), command.Decide, cancellation);
        // Refused from now on in this process, even before the transaction commits; a failed commit only over-refuses.
        registry.Revoked(command.TokenId);
        return recorded;
    }
}

public sealed class RevokeTokenInput : StreamCommandInputGraphType<RevokeToken>
{
    public RevokeTokenInput() : base("RevokeTokenInput", "The token to withdraw, and why.")
    {
        Field(x => x.TokenId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The token's id (tokenId of issueToken, the jti claim of the token).");
        Field(x => x.Reason).Description("Why it is revoked: recorded in the audit trail.");
        AddCommonFields();
    }
}
