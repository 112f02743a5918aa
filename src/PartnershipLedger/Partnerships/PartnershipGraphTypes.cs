using GraphQL;
using GraphQL.Types;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using PartnershipLedger.Audit;
using PartnershipLedger.Graph;
using PartnershipLedger.Maturity;
using PartnershipLedger.Organizations;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Partnerships;

public sealed class PartnershipStatusGraphType : EnumerationGraphType<PartnershipStatus>
{
    public PartnershipStatusGraphType()
    {
        Name = "PartnershipStatus";
        Description = "Whether a partnership is active, on hold, or over.";
    }
}

public sealed class PartnershipGraphType : ObjectGraphType<PartnershipSummary>
{
    public PartnershipGraphType()
    {
        Name = "Partnership";
        Description = "A partnership of two or more member organizations, and everything recorded in it.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The partnership's id.");
        Field(x => x.Name).Description("Its name.");
        Field(x => x.Version, type: typeof(NonNullGraphType<IntGraphType>)).Description("The stream version: pass it as expectedVersion to refuse commands if someone recorded since.");
        Field(x => x.Status, type: typeof(NonNullGraphType<PartnershipStatusGraphType>)).Description("Active, paused or ended.");
        Field(x => x.FormedAt, type: typeof(NonNullGraphType<InstantGraphType>)).Description("When it was formed (business time).");
        Field(x => x.EndedAt, type: typeof(InstantGraphType)).Description("When it ended; null while it goes on.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganizationGraphType>>>>("members")
            .Description("The member organizations.")
            .Resolve(context => OrganizationFields.Loader(context.RequestServices!).LoadMany(context.Source.MemberIds));
        MaturityFields.AddTo(this);
        FiguresFields.AddTo(this);
        Field<NonNullGraphType<AuditConnectionGraphType>>("timeline")
            .Description("This partnership's events, in recording order, with who recorded them and both times.")
            .Argument<IntGraphType>("first", $"Page size (default {Paging.DefaultPageSize}, at most {Paging.MaxPageSize}).")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .ResolveAsync(async context =>
            {
                var size = Paging.PageSize(context.GetArgument<int?>("first"));
                var after = Paging.Position(context.GetArgument<string?>("after")) ?? 0;
                // The audit trail of this one stream: a page and its count in one query, never the whole stream.
                return await AuditTrail.PageAsync(context.RequestServices!.GetRequiredService<IQuerySession>(),
                    context.RequestServices!.GetRequiredService<PreparedReads>(), Caller.Of(context).Actor,
                    new AuditFilter(StreamId: context.Source.Id), size, after, context.CancellationToken);
            });
    }
}

public sealed class PartnershipPayloadGraphType : ObjectGraphType<Recorded>
{
    public PartnershipPayloadGraphType()
    {
        Name = "PartnershipPayload";
        Description = "What a mutation on a partnership recorded.";
        Field<NonNullGraphType<PartnershipGraphType>>("partnership")
            .Description("The partnership as it is now.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<IQuerySession>()
                .LoadAsync<PartnershipSummary>(context.Source.StreamId, context.CancellationToken));
        Field(x => x.EventId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The id of the event recorded: it identifies what the event created (a lead, an agreement, a plan, a support case).");
        Field(x => x.Version, type: typeof(NonNullGraphType<IntGraphType>)).Description("The partnership's stream version after it.");
    }
}

public static class PartnershipFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<PartnershipGraphType>("partnership")
            .Description("One partnership; null when there is none with this id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The partnership's id.")
            .ResolveAsync(async context =>
            {
                var id = IdArguments.Required(context, "id");
                return await context.WithinReachAsync(await LoadAsync(context, id), partnership => partnership.MemberIds, $"partnership {id}");
            });

    /// <summary>
    /// The partnership; when the query also asks for its levels, its maturity timeline comes in the same round
    /// trip (a batch of two queries) and is handed to the request's timeline loader.
    /// </summary>
    private static async Task<PartnershipSummary?> LoadAsync(IResolveFieldContext context, Guid id)
    {
        var session = context.RequestServices!.GetRequiredService<IQuerySession>();
        if (context.SubFields?.Values.Any(field => MaturityFields.ReadsTimeline(field.Field, field.FieldType)) != true)
            return await session.LoadAsync<PartnershipSummary>(id, context.CancellationToken);
        var batch = session.CreateBatchQuery();
        var partnership = batch.Load<PartnershipSummary>(id);
        var timeline = batch.Load<MaturityTimeline>(id);
        await batch.Execute(context.CancellationToken);
        // Not stored yet (a document from before timelines were), or derived under other rules: the loader derives it from the facts.
        if (await timeline is { } stored && stored.IsCurrent(context.RequestServices!.GetRequiredService<MaturityEvaluator>()))
            MaturityFields.TimelineLoader(context.RequestServices!).Prime(id, stored);
        return await partnership;
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.AddCommand<FormPartnership, FormPartnershipInput, PartnershipPayloadGraphType>(
            "formPartnership", "Forms a partnership of two or more registered organizations, the acting one among them.");
        mutation.AddCommand<AddPartnershipMember, AddPartnershipMemberInput, PartnershipPayloadGraphType>(
            "addPartnershipMember", "Records that an organization joined the partnership.");
        mutation.AddCommand<RemovePartnershipMember, RemovePartnershipMemberInput, PartnershipPayloadGraphType>(
            "removePartnershipMember", "Records that a member organization left the partnership (two or more stay).");
        mutation.AddCommand<PausePartnership, PausePartnershipInput, PartnershipPayloadGraphType>(
            "pausePartnership", "Records that the partnership is on hold.");
        mutation.AddCommand<ResumePartnership, ResumePartnershipInput, PartnershipPayloadGraphType>(
            "resumePartnership", "Records that a paused partnership goes on.");
        mutation.AddCommand<EndPartnership, EndPartnershipInput, PartnershipPayloadGraphType>(
            "endPartnership", "Records that the partnership ended; later facts are refused.");
        mutation.AddCommand<RetractEvent, RetractEventInput, PartnershipPayloadGraphType>(
            "retractEvent", "Retracts a mistaken fact of the partnership with a reason; both stay in the ledger.");
    }
}
