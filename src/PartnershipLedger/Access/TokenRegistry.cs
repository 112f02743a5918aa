using System.Collections.Concurrent;
using Marten;

namespace PartnershipLedger.Access;

/// <summary>
/// Whether a validly signed token still holds: it must be registered (issued by this ledger), not revoked and not
/// expired. A token revoked on this node is refused at once. Revocations recorded on other nodes are read for all
/// tokens at once, at most once per Auth:RevocationCheckInterval (by the first request after it elapses, the others
/// waiting on the same read), so a revocation takes at most that long to reach this node; a token's registration is
/// read once, the first time it is seen.
/// </summary>
public sealed class TokenRegistry(IDocumentStore store, TimeProvider clock, AuthSettings settings)
{
    /// <summary>Tokens seen registered, with their expiry: a registration never changes, only a revocation ends it early.</summary>
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> registered = new();
    private readonly ConcurrentDictionary<Guid, bool> revokedHere = new();
    private readonly Lock gate = new();
    private Revocations revocations = new(new Dictionary<Guid, string?>(), DateTimeOffset.MinValue);
    private Task<Revocations>? reading;

    /// <summary>The unexpired revoked tokens (id and reason), as read at <see cref="ReadAt"/>.</summary>
    private sealed record Revocations(IReadOnlyDictionary<Guid, string?> Reasons, DateTimeOffset ReadAt);

    /// <summary>Why the token is refused, or null when it holds.</summary>
    public async Task<string?> RefusalAsync(Guid tokenId, CancellationToken cancellation)
    {
        if (revokedHere.ContainsKey(tokenId)) return "The bearer token was revoked.";
        var now = clock.GetUtcNow();
        if ((await RevocationsAsync(now, cancellation)).Reasons.TryGetValue(tokenId, out var reason))
            return $"The bearer token was revoked ({reason}).";
        if (!registered.TryGetValue(tokenId, out var expiresAt))
        {
            await using var session = store.QuerySession();
            var token = await session.LoadAsync<AccessToken>(tokenId, cancellation);
            if (token is null) return "The bearer token is not one this ledger issued (or it was issued to a ledger since reset).";
            // Revoked after the revocations were read: its document says so.
            if (token.Refusal(now) is { } refusal) return refusal;
            registered[tokenId] = expiresAt = token.ExpiresAt;
        }
        return expiresAt <= now ? $"The bearer token expired at {expiresAt:u}." : null;
    }

    public void Revoked(Guid tokenId) => revokedHere[tokenId] = true;

    /// <summary>The revocations, read again when the last read is older than the interval: one read for every request waiting.</summary>
    private async Task<Revocations> RevocationsAsync(DateTimeOffset now, CancellationToken cancellation)
    {
        Task<Revocations> pending;
        lock (gate)
        {
            if (now - revocations.ReadAt < settings.RevocationCheckInterval) return revocations;
            // A read under way serves every request that finds the revocations stale; a failed one is tried again.
            if (reading is not { IsCompleted: false }) reading = ReadRevocationsAsync(now);
            pending = reading;
        }
        return await pending.WaitAsync(cancellation);
    }

    private async Task<Revocations> ReadRevocationsAsync(DateTimeOffset now)
    {
        await using var session = store.QuerySession();
        // Expired tokens are refused by their signed expiry whatever the registry says: they are left out.
        var revoked = await session.Query<AccessToken>().Where(token => token.RevokedAt != null && token.ExpiresAt > now).ToListAsync();
        var read = new Revocations(revoked.ToDictionary(token => token.Id, token => token.RevocationReason), now);
        lock (gate) revocations = read;
        return read;
    }
}
