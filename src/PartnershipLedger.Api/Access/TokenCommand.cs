using JasperFx.CommandLine;
using Marten;
using PartnershipLedger.Access;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Api.Access;

public sealed class TokenInput : NetCoreInput
{
    [Description("issue, revoke or list")]
    public string Action { get; set; } = "list";

    [Description("issue: the holder's user name or e-mail"), FlagAlias("user", 'u')]
    public string UserFlag { get; set; } = "";

    [Description("issue: the organization id the holder acts for (optional for an admin); list: only its tokens"), FlagAlias("organization", 'o')]
    public string OrganizationFlag { get; set; } = "";

    [Description("issue: admin, member or auditor (default member)"), FlagAlias("role", 'r')]
    public string RoleFlag { get; set; } = "member";

    [Description("issue, auditor: comma-separated organization ids the auditor may read"), FlagAlias("reach")]
    public string ReachFlag { get; set; } = "";

    [Description("issue: days the token holds (default Auth:TokenLifetime)"), FlagAlias("days")]
    public int DaysFlag { get; set; }

    [Description("revoke: the token id"), FlagAlias("id")]
    public string IdFlag { get; set; } = "";

    [Description("revoke: why"), FlagAlias("reason")]
    public string ReasonFlag { get; set; } = "revoked from the command line";
}

/// <summary>
/// <c>ops/run -- token issue|revoke|list ...</c>: the server operator's way to hand out and withdraw tokens, recorded by
/// the ledger itself (actor <c>ledger</c>) through the same commands as the admin mutations. Use the same signing key as
/// the server (ops/run passes .data/signing-key) so the tokens it prints are accepted.
/// </summary>
[Description("Issues, revokes or lists bearer tokens", Name = "token")]
public sealed class TokenCommand : JasperFxAsyncCommand<TokenInput>
{
    public TokenCommand()
    {
        Usage("List the tokens").Arguments(x => x.Action);
    }

    public override async Task<bool> Execute(TokenInput input)
    {
        using var host = input.BuildHost();
        var services = host.Services;
        var operatorActor = Actor.Ledger with { User = $"ledger ({Environment.UserName} at the console)" };
        try
        {
            switch (input.Action.ToLowerInvariant())
            {
                case "issue":
                    var holder = new Actor(input.UserFlag, ParseOptional(input.OrganizationFlag, "--organization"))
                    {
                        Role = Enum.TryParse<Role>(input.RoleFlag, ignoreCase: true, out var role) ? role : throw new ArgumentException($"--role '{input.RoleFlag}' is not admin, member or auditor."),
                        Reach = input.ReachFlag.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(id => Parse(id, "--reach")).ToList(),
                    };
                    var token = await DevelopmentToken.IssueAsync(services, holder, CancellationToken.None, operatorActor, input.DaysFlag > 0 ? input.DaysFlag : null);
                    Console.WriteLine(token);
                    return true;
                case "revoke":
                    var id = Parse(input.IdFlag, "--id");
                    await using (var session = services.GetRequiredService<IDocumentStore>().LightweightSession())
                    {
                        await RevokeTokenHandler.Handle(new RevokeToken(id, input.ReasonFlag) { Actor = operatorActor }, session,
                            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<TokenRegistry>(), CancellationToken.None);
                        await session.SaveChangesAsync();
                    }
                    Console.WriteLine($"Revoked {id}.");
                    return true;
                case "list":
                    await using (var session = services.GetRequiredService<IDocumentStore>().QuerySession())
                    {
                        var organization = ParseOptional(input.OrganizationFlag, "--organization");
                        var tokens = await session.Query<AccessToken>().OrderByDescending(x => x.IssuedAt).ToListAsync();
                        foreach (var t in tokens.Where(t => organization is null || t.OrganizationId == organization))
                            Console.WriteLine($"{t.Id}  {t.Role,-7}  {t.User,-30}  org {t.OrganizationId?.ToString() ?? "-",-36}  expires {t.ExpiresAt:u}{(t.RevokedAt is { } at ? $"  REVOKED {at:u} ({t.RevocationReason})" : "")}");
                    }
                    return true;
                default:
                    throw new ArgumentException($"'{input.Action}' is not an action: use issue, revoke or list.");
            }
        }
        catch (Exception refused) when (refused is ValidationFailedException or NotFoundException or ConflictException or ArgumentException)
        {
            var problems = refused is ValidationFailedException validation ? validation.Problems.Select(p => $"{p.Field}: {p.Message}") : [refused.Message];
            foreach (var problem in problems) Console.Error.WriteLine(problem);
            return false;
        }
    }

    private static Guid? ParseOptional(string text, string flag) => string.IsNullOrWhiteSpace(text) ? null : Parse(text, flag);

    private static Guid Parse(string text, string flag) =>
        Guid.TryParse(text, out var id) ? id : throw new ArgumentException($"{flag} '{text}' is not an id.");
}
