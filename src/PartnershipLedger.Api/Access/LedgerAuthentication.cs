using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.RateLimiting;
using PartnershipLedger.Access;

namespace PartnershipLedger.Api.Access;

/// <summary>
/// Bearer-token authentication (JWT signed by the ledger, a valid token kept until it expires, checked against the token
/// registry on every request) and rate limiting per token, with failed authentication attempts throttled per client
/// address.
/// </summary>
public static class LedgerAuthentication
{
    public static void AddLedgerAuthentication(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Auth").Get<AuthSettings>() ?? new AuthSettings();
        var signer = new TokenSigner(SigningKey(settings, builder.Environment));
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(signer);
        builder.Services.AddSingleton<TokenRegistry>();
        builder.Services.AddSingleton<AccessDenials>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = signer.ValidationParameters;
            options.TokenHandlers.Clear();
            options.TokenHandlers.Add(new ValidatedTokenCache { MapInboundClaims = false });
            options.Events = new JwtBearerEvents
            {
                // A well-signed token still has to be one the ledger issued and has not revoked.
                OnTokenValidated = async context =>
                {
                    var registry = context.HttpContext.RequestServices.GetRequiredService<TokenRegistry>();
                    var refusal = TokenSigner.TokenId(context.Principal!) is { } id
                        ? await registry.RefusalAsync(id, context.HttpContext.RequestAborted)
                        : "The bearer token has no token id (jti).";
                    if (refusal is not null) context.Fail(refusal);
                },
            };
        });

        builder.Services.AddAuthorization();

        var limits = builder.Configuration.GetSection("RateLimit").Get<RateLimitSettings>() ?? new RateLimitSettings();
        builder.Services.AddSingleton(limits);
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => limits.PartitionFor(http));
            options.OnRejected = (context, cancellation) => limits.RefuseAsync(context, cancellation);
        });
    }

    public static void UseLedgerAuthentication(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
    }

    /// <summary>The key that signs tokens: configured, or in Development a throw-away one (tokens die with the process).</summary>
    private static byte[] SigningKey(AuthSettings settings, IWebHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(settings.SigningKey))
        {
            byte[] key;
            try
            {
                key = Convert.FromBase64String(settings.SigningKey);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException("Auth:SigningKey is not base64: give a random key of at least 32 bytes, e.g. `head -c 48 /dev/urandom | base64`.");
            }
            if (key.Length < AuthSettings.MinimumKeyBytes)
                throw new InvalidOperationException($"Auth:SigningKey has {key.Length} bytes; a signing key needs at least {AuthSettings.MinimumKeyBytes}.");
            return key;
        }
        if (!environment.IsDevelopment())
            throw new InvalidOperationException(
                $"Auth:SigningKey is required in the {environment.EnvironmentName} environment: set Auth__SigningKey to a base64 random key of at least " +
                $"{AuthSettings.MinimumKeyBytes} bytes (e.g. `head -c 48 /dev/urandom | base64`). Only Development signs with a throw-away key.");
        return System.Security.Cryptography.RandomNumberGenerator.GetBytes(48);
    }
}
