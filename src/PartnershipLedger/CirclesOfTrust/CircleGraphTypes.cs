using GraphQL;
using GraphQL.Types;
using JasperFx.Events.Projections;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.Extensions.DependencyInjection;
using PartnershipLedger.Graph;
using PartnershipLedger.Organizations;
using PartnershipLedger.Recording;

namespace PartnershipLedger.CirclesOfTrust;

public sealed class CircleOfTrustGraphType : ObjectGraphType<CircleOfTrust>
{
    public CircleOfTrustGraphType()
    {
        Name = "CircleOfTrust";
        Description = "A named group of partner organizations who trust each other (001).";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The circle's id.");
        Field(x => x.Name).Description("Its name.");
        Field(x => x.Version, type: typeof(NonNullGraphType<IntGraphType>)).Description("Its stream version, for expectedVersion.");
        Field(x => x.FormedAt, type: typeof(NonNullGraphType<InstantGraphType>)).Description("When it was formed.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganizationGraphType>>>>("members")
            .Description("The member organizations.")
            .Resolve(context => OrganizationFields.Loader(context.RequestServices!).LoadMany(context.Source.MemberIds));
    }
}

public sealed class CircleOfTrustPayloadGraphType : ObjectGraphType<Recorded>
{
    public CircleOfTrustPayloadGraphType()
    {
        Name = "CircleOfTrustPayload";
        Description = "What a mutation on a circle of trust recorded.";
        Field<NonNullGraphType<CircleOfTrustGraphType>>("circleOfTrust")
            .Description("The circle as it is now.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<IQuerySession>()
                .LoadAsync<CircleOfTrust>(context.Source.StreamId, context.CancellationToken));
        Field(x => x.EventId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The id of the event recorded.");
        Field(x => x.Version, type: typeof(NonNullGraphType<IntGraphType>)).Description("The circle's stream version after it.");
    }
}

public static class CircleFields
{
    /// <summary>A request's loader of the circles each organization is in: one query for every organization a request lists.</summary>
    public static BatchLoader<Guid, IReadOnlyList<CircleOfTrust>> Loader(IServiceProvider services) =>
        services.GetRequiredService<BatchLoader<Guid, IReadOnlyList<CircleOfTrust>>>();

    public static void AddLoader(IServiceCollection services) =>
        services.AddScoped(provider => new BatchLoader<Guid, IReadOnlyList<CircleOfTrust>>(async (organizationIds, cancellation) =>
        {
            // Wrapped in an object[]: a bare string[] would bind as MatchesSql's params array, one parameter per id.
            var keys = organizationIds.Select(id => id.ToString()).ToArray();
            var circles = await provider.GetRequiredService<IQuerySession>().Query<CircleOfTrust>()
                .Where(x => x.MatchesSql('^', "d.data -> 'MemberIds' ?| ^", new object[] { keys }))
                .OrderBy(x => x.Name).ThenBy(x => x.Id)
                .ToListAsync(cancellation);
            return organizationIds.ToDictionary(id => id, IReadOnlyList<CircleOfTrust> (id) => circles.Where(c => c.MemberIds.Contains(id)).ToList());
        }));

    public static void AddTo(ObjectGraphType<Organization> organization) =>
        organization.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CircleOfTrustGraphType>>>>("circlesOfTrust")
            .Description("The circles of trust it is in, by name.")
            .Resolve(context => Loader(context.RequestServices!).Load(context.Source.Id)
                .Then(circles => (circles ?? []).Where(circle => Caller.Of(context).Actor.MaySee(circle.MemberIds)).ToList()));

    public static void AddQueries(ObjectGraphType query) =>
        query.Field<CircleOfTrustGraphType>("circleOfTrust")
            .Description("One circle of trust; null when there is none with this id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The circle's id.")
            .ResolveAsync(async context => await context.WithinReachAsync(
                await context.RequestServices!.GetRequiredService<IQuerySession>().LoadAsync<CircleOfTrust>(IdArguments.Required(context, "id"), context.CancellationToken),
                circle => circle.MemberIds, $"circle of trust {IdArguments.Required(context, "id")}"));

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.AddCommand<FormCircleOfTrust, FormCircleOfTrustInput, CircleOfTrustPayloadGraphType>(
            "formCircleOfTrust", "Forms a named circle of trust of two or more organizations, the acting one among them.");
        mutation.AddCommand<AddCircleMember, AddCircleMemberInput, CircleOfTrustPayloadGraphType>(
            "addCircleMember", "Brings an organization into a circle of trust.");
        mutation.AddCommand<RemoveCircleMember, RemoveCircleMemberInput, CircleOfTrustPayloadGraphType>(
            "removeCircleMember", "Records that an organization left a circle of trust.");
    }
}

public static class Configuration
{
    public static void ConfigureCirclesOfTrust(this StoreOptions options)
    {
        options.Projections.Snapshot<CircleOfTrust>(SnapshotLifecycle.Inline);
        options.Schema.For<CircleOfTrust>().GinIndexJsonDataMember(x => x.MemberIds, Partnerships.Configuration.MemberIdsIndex);
    }
}
