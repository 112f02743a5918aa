using System.Collections.Concurrent;
using Marten;

namespace PartnershipLedger.Access;

/// <summary>
/// Whether a validly signed token still holds: it must be registered (issued by this ledger), not revoked and not
/// expired. A token revoked on this node is refused at once. The other nodes' word is read for all tokens at once, at
/// most once per Auth:RevocationCheckInterval (by the first request after it elapses, the others waiting on the same
/// read): every unexpired token's registration and revocation. So a revocation recorded elsewhere, or a token no longer
/// in the ledger (a ledger reset under a running node), takes at most that long (and the read's own time) to reach this
/// node. A token issued since the last read is looked up by its id the first time it is seen.
/// </summary>
public sealed class TokenRegistry(IDocumentStore store, TimeProvider clock, AuthSettings settings)
{
    private readonly ConcurrentDictionary<Guid, bool> revokedHere = new();
    private readonly Lock gate = new();
    private Registrations known = new([], DateTimeOffset.MinValue);
    private Task<Registrations>? reading;

    /// <summary>
    /// Every unexpired token as read at <see cref="ReadAt"/> (what <see cref="AccessToken.Refusal"/> needs of it), and
    /// those seen since (issued after that read): the next read replaces them all.
    /// </summary>
    private sealed record Registrations(ConcurrentDictionary<Guid, AccessToken> Tokens, DateTimeOffset ReadAt);

    /// <summary>Why the token is refused, or null when it holds.</summary>
    public async Task<string?> RefusalAsync(Guid tokenId, CancellationToken cancellation)
    {
        if (revokedHere.ContainsKey(tokenId)) return "The bearer token was revoked.";
        var now = clock.GetUtcNow();
        var registrations = await RegistrationsAsync(now, cancellation);
        if (!registrations.Tokens.TryGetValue(tokenId, out var token))
        {
            // Issued after the last read (or never): its document says, until the next read.
            await using var session = store.QuerySession();
            token = await session.LoadAsync<AccessToken>(tokenId, cancellation);
            if (token is null) return "The bearer token is not one this ledger issued (or it was issued to a ledger since reset).";
            registrations.Tokens[tokenId] = token;
        }
        return token.Refusal(now);
    }

    public void Revoked(Guid tokenId) => revokedHere[tokenId] = true;

    /// <summary>The registrations, read again when the last read is older than the interval: one read for every request waiting.</summary>
    private async Task<Registrations> RegistrationsAsync(DateTimeOffset now, CancellationToken cancellation)
    {
        var current = Volatile.Read(ref known);
        if (now - current.ReadAt < settings.RevocationCheckInterval) return current;
        Task<Registrations> pending;
        lock (gate)
        {
            // A read under way serves every request that finds the registrations stale; a failed one is tried again.
            if (reading is not { IsCompleted: false })
            {
                reading = Task.Run(() => ReadAsync(now));
                // Observed here, whether or not any request is still waiting for it.
                reading.ContinueWith(read => read.Exception, TaskContinuationOptions.OnlyOnFaulted);
            }
            pending = reading;
        }
        return await pending.WaitAsync(cancellation);
    }

    private async Task<Registrations> ReadAsync(DateTimeOffset now)
    {
        await using var session = store.QuerySession();
        // Expired tokens are refused by their signed expiry whatever the registry says: they are left out.
        var tokens = await session.Query<AccessToken>().Where(token => token.ExpiresAt > now)
            .Select(token => new { token.Id, token.ExpiresAt, token.RevokedAt, token.RevocationReason }).ToListAsync();
        var read = new Registrations(new ConcurrentDictionary<Guid, AccessToken>(tokens.Select(token => KeyValuePair.Create(token.Id,
            new AccessToken { Id = token.Id, ExpiresAt = token.ExpiresAt, RevokedAt = token.RevokedAt, RevocationReason = token.RevocationReason }))), now);
        Volatile.Write(ref known, read);
        return read;
    }
}
