using GraphQL;
using GraphQL.Types;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using PartnershipLedger.CirclesOfTrust;
using PartnershipLedger.Graph;
using PartnershipLedger.Maturity;
using PartnershipLedger.Model;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Organizations;

public sealed class OrganizationGraphType : ObjectGraphType<Organization>
{
    public OrganizationGraphType()
    {
        Name = "Organization";
        Description = "A member organization: an IT solution provider that partners.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The organization's id.");
        Field(x => x.Name).Description("Its name.");
        Field(x => x.PartnerTypes, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<PartnerTypeGraphType>>>)).Description("What kind of partner it is.");
        Field(x => x.HomeRegion).Description("Its home country or region.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("users")
            .Description("The people who record facts for it; empty unless the organization is within your reach (your own, or granted to you as an auditor).")
            .Resolve(context => Caller.Of(context).Actor.MaySee(context.Source.Id) ? context.Source.Users : []);
        Field(x => x.Version, type: typeof(NonNullGraphType<IntGraphType>)).Description("Its stream version, for expectedVersion.");
        Field<NonNullGraphType<PartnershipConnectionGraphType>>("partnerships")
            .Description("The partnerships it is a member of, by name, a page at a time.")
            .WithPaging()
            .StatusArgument()
            .ResolvePage(context => new PartnershipFilter(OrganizationId: context.Source.Id));
        CircleFields.AddTo(this);
        OrganizationMaturity.AddTo(this);
    }
}

public sealed class OrganizationPayloadGraphType : ObjectGraphType<Recorded>
{
    public OrganizationPayloadGraphType()
    {
        Name = "OrganizationPayload";
        Description = "What a mutation on an organization recorded.";
        Field<NonNullGraphType<OrganizationGraphType>>("organization")
            .Description("The organization as it is now.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<IQuerySession>()
                .LoadAsync<Organization>(context.Source.StreamId, context.CancellationToken));
        Field(x => x.EventId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The id of the event recorded.");
        Field(x => x.Version, type: typeof(NonNullGraphType<IntGraphType>)).Description("The organization's stream version after it.");
    }
}

public static class OrganizationFields
{
    /// <summary>A request's loader of organizations: the members of every partnership and circle a request lists, in one query.</summary>
    public static BatchLoader<Guid, Organization> Loader(IServiceProvider services) =>
        services.GetRequiredService<BatchLoader<Guid, Organization>>();

    public static void AddLoader(IServiceCollection services) =>
        services.AddScoped(provider => new BatchLoader<Guid, Organization>(async (ids, cancellation) =>
            (await provider.GetRequiredService<IQuerySession>().LoadManyAsync<Organization>(cancellation, ids.ToArray())).ToDictionary(o => o.Id)));

    public static void AddQueries(ObjectGraphType query) =>
        query.Field<OrganizationGraphType>("organization")
            .Description("One organization; null when there is none with this id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The organization's id.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<IQuerySession>()
                .LoadAsync<Organization>(IdArguments.Required(context, "id"), context.CancellationToken));

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.AddCommand<RegisterOrganization, RegisterOrganizationInput, OrganizationPayloadGraphType>(
            "registerOrganization", "ADMIN only: registers an organization (an IT solution provider) so it can form partnerships.", organizationRequired: false);
        mutation.AddCommand<RenameOrganization, RenameOrganizationInput, OrganizationPayloadGraphType>(
            "renameOrganization", "Records the organization's new name.");
        mutation.AddCommand<AddOrganizationUser, AddOrganizationUserInput, OrganizationPayloadGraphType>(
            "addOrganizationUser", "Adds a person who records facts for the organization.");
        mutation.AddCommand<RemoveOrganizationUser, RemoveOrganizationUserInput, OrganizationPayloadGraphType>(
            "removeOrganizationUser", "Removes a person from the organization's users.");
    }
}
