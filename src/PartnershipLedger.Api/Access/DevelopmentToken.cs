using Marten;
using Microsoft.IdentityModel.JsonWebTokens;
using PartnershipLedger.Access;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Api.Access;

/// <summary>
/// In Development, when Auth:DevTokenFile is set (ops/run: .data/dev-token), makes sure that file holds a working admin
/// token once the app is up — the one already there while it still holds, else a new one issued by the ledger itself —
/// and prints it with a link that signs the dashboard in.
/// </summary>
public static class DevelopmentToken
{
    public static void WriteDevelopmentTokenWhenAsked(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<AuthSettings>();
        if (string.IsNullOrWhiteSpace(settings.DevTokenFile)) return;
        if (!app.Environment.IsDevelopment())
        {
            app.Logger.LogWarning("Auth:DevTokenFile is ignored outside Development: issue tokens with `token issue` or the issueToken mutation.");
            return;
        }
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            try
            {
                var token = await EnsureAsync(app.Services, settings, app.Lifetime.ApplicationStopping);
                var url = app.Urls.FirstOrDefault() ?? "http://127.0.0.1:5080";
                app.Logger.LogInformation("Development admin token (in {File}): {Token}", settings.DevTokenFile, token);
                app.Logger.LogInformation("Dashboard, signed in: {Url}/#token={Token}", url, token);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                app.Logger.LogError(failure, "Could not write the development token to {File}", settings.DevTokenFile);
            }
        }));
    }

    private static async Task<string> EnsureAsync(IServiceProvider services, AuthSettings settings, CancellationToken cancellation)
    {
        var file = Path.GetFullPath(settings.DevTokenFile!);
        if (File.Exists(file) && (await File.ReadAllTextAsync(file, cancellation)).Trim() is { Length: > 0 } existing
            && await StillHoldsAsync(services, existing, cancellation))
            return existing;

        var token = await IssueAsync(services, Actor.Admin(settings.DevTokenUser) with { OrganizationId = null }, cancellation);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, token + "\n", cancellation);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return token;
    }

    /// <summary>
    /// Issues a token for <paramref name="holder"/> (user, organization, role and, for an auditor, reach), recorded by
    /// <paramref name="issuer"/> (default: the ledger itself); returns the signed token.
    /// </summary>
    public static async Task<string> IssueAsync(IServiceProvider services, Actor holder, CancellationToken cancellation, Actor? issuer = null, int? validForDays = null)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession();
        var command = new IssueToken(holder.OrganizationId, holder.User, holder.Role)
        {
            Actor = issuer ?? Actor.Ledger,
            Reach = holder.Role == Role.Auditor ? holder.Reach : null,
            ValidForDays = validForDays,
        };
        var recorded = await IssueTokenHandler.Handle(command, session, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<AuthSettings>(), cancellation);
        await session.SaveChangesAsync(cancellation);
        var issued = await session.LoadAsync<AccessToken>(recorded.StreamId, cancellation);
        return services.GetRequiredService<TokenSigner>().Sign(issued!);
    }

    private static async Task<bool> StillHoldsAsync(IServiceProvider services, string token, CancellationToken cancellation)
    {
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(token, services.GetRequiredService<TokenSigner>().ValidationParameters);
        return validation.IsValid && validation.Claims.TryGetValue(JwtRegisteredClaimNames.Jti, out var jti) && Guid.TryParse(jti?.ToString(), out var id)
            && await services.GetRequiredService<TokenRegistry>().RefusalAsync(id, cancellation) is null;
    }
}
