using GraphQL;
using GraphQL.Types;
using JasperFx.Events.Projections;
using Marten;
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
            // In membership order: LoadMany answers in the table's physical order, which rewriting the documents (a rebuild) changes.
            .ResolveAsync(async context => (await context.RequestServices!.GetRequiredService<IQuerySession>()
                .LoadManyAsync<Organization>(context.CancellationToken, context.Source.MemberIds)).OrderBy(member => context.Source.MemberIds.IndexOf(member.Id)).ToList());
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
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<CircleOfTrustGraphType>("circleOfTrust")
            .Description("One circle of trust; null when there is none with this id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The circle's id.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<IQuerySession>()
                .LoadAsync<CircleOfTrust>(context.GetArgument<Guid>("id"), context.CancellationToken));

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
    public static void ConfigureCirclesOfTrust(this StoreOptions options) =>
        options.Projections.Snapshot<CircleOfTrust>(SnapshotLifecycle.Inline);
}
