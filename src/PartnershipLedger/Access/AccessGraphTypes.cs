using GraphQL;
using GraphQL.Types;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using PartnershipLedger.Graph;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Access;

public sealed class AccessTokenGraphType : ObjectGraphType<AccessToken>
{
    public AccessTokenGraphType()
    {
        Name = "AccessToken";
        Description = "A bearer token as issued (never the secret itself), and whether it still holds.";
        Field<NonNullGraphType<IdGraphType>>("tokenId").Description("The token's id: the jti claim of the token.").Resolve(context => context.Source.Id);
        Field(x => x.User).Description("Its holder.");
        Field(x => x.OrganizationId, type: typeof(IdGraphType)).Description("The organization its holder acts for; null for an admin acting for none.");
        Field(x => x.Role, type: typeof(NonNullGraphType<RoleGraphType>)).Description("What its holder may do.");
        Field(x => x.Reach, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("The organizations whose partnerships its holder may see (empty for an admin, who sees everything).");
        Field(x => x.IssuedAt, type: typeof(NonNullGraphType<InstantGraphType>)).Description("When it was issued.");
        Field(x => x.ExpiresAt, type: typeof(NonNullGraphType<InstantGraphType>)).Description("When it stops holding.");
        Field(x => x.RevokedAt, type: typeof(InstantGraphType)).Description("When it was revoked; null while it was not.");
        Field(x => x.RevocationReason, nullable: true).Description("Why it was revoked.");
        Field(x => x.Denials).Description("How many times its holder was refused something (each is an AccessDenied event in the audit trail).");
    }
}

public sealed class IssueTokenPayloadGraphType : ObjectGraphType<Recorded>
{
    public IssueTokenPayloadGraphType()
    {
        Name = "IssueTokenPayload";
        Description = "A new bearer token. The token is shown here only: keep it secret; the ledger stores its facts, not the token.";
        Field<NonNullGraphType<StringGraphType>>("token")
            .Description("The bearer token: send it as `Authorization: Bearer <token>`.")
            .ResolveAsync(async context =>
            {
                var token = await LoadAsync(context);
                return context.RequestServices!.GetRequiredService<TokenSigner>().Sign(token);
            });
        Field<NonNullGraphType<AccessTokenGraphType>>("accessToken").Description("What the token grants.").ResolveAsync(async context => await LoadAsync(context));
        Field(x => x.EventId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The id of the TokenIssued event.");
    }

    private static async Task<AccessToken> LoadAsync(IResolveFieldContext<Recorded> context) =>
        await context.RequestServices!.GetRequiredService<IQuerySession>().LoadAsync<AccessToken>(context.Source.StreamId, context.CancellationToken)
        ?? throw new NotFoundException($"No token has the id {context.Source.StreamId}.");
}

public sealed class RevokeTokenPayloadGraphType : ObjectGraphType<Recorded>
{
    public RevokeTokenPayloadGraphType()
    {
        Name = "RevokeTokenPayload";
        Description = "A revoked token.";
        Field<NonNullGraphType<AccessTokenGraphType>>("accessToken").Description("The token, now revoked.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<IQuerySession>().LoadAsync<AccessToken>(context.Source.StreamId, context.CancellationToken));
        Field(x => x.EventId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The id of the TokenRevoked event.");
    }
}

public sealed class ViewerGraphType : ObjectGraphType<Actor>
{
    public ViewerGraphType()
    {
        Name = "Viewer";
        Description = "Who the bearer token says you are.";
        Field(x => x.User).Description("Your user name, as it appears on the facts you record.");
        Field(x => x.OrganizationId, type: typeof(IdGraphType)).Description("The organization you act for.");
        Field(x => x.Role, type: typeof(NonNullGraphType<RoleGraphType>)).Description("What you may do.");
        Field(x => x.Reach, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("The organizations whose partnerships you may see (empty for an admin, who sees everything).");
        Field(x => x.TokenId, type: typeof(IdGraphType)).Description("The id of the token you presented.");
    }
}

public static class AccessFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ViewerGraphType>>("me")
            .Description("Who the bearer token of this request says you are: user, organization, role and reach.")
            .Resolve(context => Caller.Of(context).Actor);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessTokenGraphType>>>>("accessTokens")
            .Description("ADMIN only: the tokens issued, newest first, optionally of one organization; revoked ones included.")
            .Argument<IdGraphType>("organizationId", "Only the tokens of this organization.")
            .ResolveAsync(async context =>
            {
                Caller.Of(context).RequireAdmin("list tokens");
                var organization = IdArguments.Optional(context, "organizationId");
                var query = context.RequestServices!.GetRequiredService<IQuerySession>().Query<AccessToken>();
                var tokens = organization is { } id
                    ? await query.Where(x => x.OrganizationId == id).OrderByDescending(x => x.IssuedAt).Take(Paging.MaxPageSize).ToListAsync(context.CancellationToken)
                    : await query.OrderByDescending(x => x.IssuedAt).Take(Paging.MaxPageSize).ToListAsync(context.CancellationToken);
                return tokens;
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.AddCommand<IssueToken, IssueTokenInput, IssueTokenPayloadGraphType>(
            "issueToken", "ADMIN only: issues a bearer token to a user acting for an organization, with a role (and, for an auditor, a reach).", organizationRequired: false);
        mutation.AddCommand<RevokeToken, RevokeTokenInput, RevokeTokenPayloadGraphType>(
            "revokeToken", "ADMIN only: revokes a token; it is refused from the next request on.", organizationRequired: false);
    }
}
