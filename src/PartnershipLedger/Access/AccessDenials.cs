using JasperFx;
using Marten;
using Microsoft.Extensions.Logging;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Access;

/// <summary>
/// Records every refusal of a known caller (a write outside their role, a partnership outside their reach) as an
/// <see cref="AccessDenied"/> event on their token's stream, so the audit trail shows who tried what.
/// </summary>
public sealed class AccessDenials(IDocumentStore store, TimeProvider clock, ILogger<AccessDenials> logger)
{
    private sealed record RecordAccessDenial : StreamCommand;

    public async Task RecordAsync(Actor actor, string correlationId, string operation, string reason, CancellationToken cancellation)
    {
        logger.LogWarning("Access denied to {User} (token {TokenId}, correlation {CorrelationId}) for {Operation}: {Reason}",
            actor.User, actor.TokenId, correlationId, operation, reason);
        if (actor.TokenId is not { } tokenId) return;

        // The refused caller is the actor of the denial; recording it on their token's stream is the ledger's
        // doing, not theirs, so it runs with the rights to write there.
        var command = new RecordAccessDenial { Actor = actor with { Role = Role.Admin }, CorrelationId = correlationId };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var session = store.LightweightSession();
                await session.RecordAsync<AccessToken>(command, tokenId, clock.GetUtcNow(),
                    (_, decision) => [new AccessDenied(tokenId, Truncate(operation), Truncate(reason), decision.Now)], cancellation);
                await session.SaveChangesAsync(cancellation);
                return;
            }
            catch (ConcurrencyException) when (attempt < 5)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellation);
            }
        }
    }

    private static string Truncate(string text) => text.Length <= Limits.Text ? text : text[..Limits.Text];
}
