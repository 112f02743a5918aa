using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Access;

/// <summary>
/// Signs the ledger's bearer tokens (JWT, HMAC-SHA256) and reads the actor back out of a validated one. A token is
/// the signed form of its <see cref="AccessToken"/> document: its id (jti), user (sub), organization (org), role and
/// reach; the registry, not the token, says whether it was revoked.
/// </summary>
public sealed class TokenSigner
{
    public const string Issuer = "partnership-ledger";
    public const string Audience = "partnership-ledger";
    private const string OrganizationClaim = "org";
    private const string RoleClaim = "role";
    private const string ReachClaim = "reach";

    private readonly SymmetricSecurityKey key;

    public TokenSigner(byte[] key)
    {
        if (key.Length < AuthSettings.MinimumKeyBytes)
            throw new ArgumentException($"A signing key needs at least {AuthSettings.MinimumKeyBytes} bytes; this one has {key.Length}.", nameof(key));
        this.key = new SymmetricSecurityKey(key);
    }

    public string Sign(AccessToken token)
    {
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Jti] = token.Id.ToString(),
            [JwtRegisteredClaimNames.Sub] = token.User,
            [RoleClaim] = token.Role.ToString().ToLowerInvariant(),
        };
        if (token.OrganizationId is { } organization) claims[OrganizationClaim] = organization.ToString();
        if (token.Reach.Count > 0) claims[ReachClaim] = token.Reach.Select(id => id.ToString()).ToArray();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = token.IssuedAt.UtcDateTime,
            NotBefore = token.IssuedAt.UtcDateTime,
            Expires = token.ExpiresAt.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    public TokenValidationParameters ValidationParameters => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = JwtRegisteredClaimNames.Sub,
        RoleClaimType = RoleClaim,
    };

    /// <summary>The token id of a validated principal.</summary>
    public static Guid? TokenId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirst(JwtRegisteredClaimNames.Jti)?.Value, out var id) ? id : null;

    /// <summary>The actor a validated token stands for; null when the token lacks what a ledger token always has.</summary>
    public static Actor? ActorOf(ClaimsPrincipal principal)
    {
        var user = principal.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
        if (string.IsNullOrWhiteSpace(user) || TokenId(principal) is not { } tokenId) return null;
        if (!Enum.TryParse<Role>(principal.FindFirst(RoleClaim)?.Value, ignoreCase: true, out var role)) return null;
        Guid? organization = Guid.TryParse(principal.FindFirst(OrganizationClaim)?.Value, out var id) ? id : null;
        var reach = principal.FindAll(ReachClaim).Select(claim => Guid.TryParse(claim.Value, out var reached) ? reached : Guid.Empty)
            .Where(reached => reached != Guid.Empty).ToList();
        return new Actor(user, organization) { Role = role, Reach = reach, TokenId = tokenId };
    }
}
