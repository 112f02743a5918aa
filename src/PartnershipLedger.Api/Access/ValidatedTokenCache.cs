using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PartnershipLedger.Api.Access;

/// <summary>
/// The JWT handler with the tokens it found valid kept by their text until they expire: a client sends the same token
/// on every request, and parsing it, checking its signature and building its claims again each time was about a tenth
/// of a millisecond per request. A kept token is answered with a copy of its claims (no request shares another's
/// identity, nor the kept one). Only tokens signed by the ledger's key get in, so the cache holds no more than the tokens issued; it is
/// emptied when it reaches <see cref="Capacity"/>. Revocation is not the signature's business: the token registry
/// still checks every request.
/// </summary>
public sealed class ValidatedTokenCache : JsonWebTokenHandler
{
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, TokenValidationResult> valid = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (valid.TryGetValue(token, out var kept))
        {
            // Without the clock skew the check allows: a kept token goes a little before the handler would refuse it.
            if (kept.SecurityToken.ValidTo > DateTime.UtcNow) return Copy(kept);
            valid.TryRemove(token, out _);
        }
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken.ValidTo > DateTime.UtcNow)
        {
            if (valid.Count >= Capacity) valid.Clear();
            valid[token] = Copy(result);
        }
        return result;
    }

    /// <summary>A valid result with a copy of its claims: what one request does to its identity stays in that request.</summary>
    private static TokenValidationResult Copy(TokenValidationResult valid) => new()
    {
        IsValid = true,
        SecurityToken = valid.SecurityToken,
        ClaimsIdentity = valid.ClaimsIdentity.Clone(),
        Issuer = valid.Issuer,
        TokenType = valid.TokenType,
    };
}
