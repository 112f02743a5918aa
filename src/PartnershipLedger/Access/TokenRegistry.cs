using System.Collections.Concurrent;
using Marten;

namespace PartnershipLedger.Access;

/// <summary>
/// Whether a validly signed token still holds: it must be registered (issued by this ledger), not revoked and not
/// expired. A token revoked on this node is refused at once; a "still holds" answer is cached for
/// Auth:RevocationCheckInterval, so a revocation made on another node takes at most that long to reach this one.
/// </summary>
public sealed class TokenRegistry(IDocumentStore store, TimeProvider clock, AuthSettings settings)
{
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> heldUntil = new();
    private readonly ConcurrentDictionary<Guid, bool> revokedHere = new();

    /// <summary>Why the token is refused, or null when it holds.</summary>
    public async Task<string?> RefusalAsync(Guid tokenId, CancellationToken cancellation)
    {
        if (revokedHere.ContainsKey(tokenId)) return "The bearer token was revoked.";
        var now = clock.GetUtcNow();
        if (heldUntil.TryGetValue(tokenId, out var until) && until > now) return null;

        await using var session = store.QuerySession();
        var token = await session.LoadAsync<AccessToken>(tokenId, cancellation);
        if (token is null) return "The bearer token is not one this ledger issued (or it was issued to a ledger since reset).";
        if (token.Refusal(now) is { } refusal) return refusal;
        var recheck = now + settings.RevocationCheckInterval;
        heldUntil[tokenId] = recheck < token.ExpiresAt ? recheck : token.ExpiresAt;
        return null;
    }

    public void Revoked(Guid tokenId)
    {
        revokedHere[tokenId] = true;
        heldUntil.TryRemove(tokenId, out _);
    }
}
