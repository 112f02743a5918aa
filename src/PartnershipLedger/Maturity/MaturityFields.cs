using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using GraphQLParser.AST;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using PartnershipLedger.Graph;
using PartnershipLedger.Model;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Maturity;

public static class MaturityFields
{
    /// <summary>A request's loader of whole maturity documents, with their stored history when it is current: one round trip for every partnership a request touches.</summary>
    public static BatchLoader<Guid, PartnershipMaturity> Loader(IServiceProvider services) =>
        services.GetRequiredService<BatchLoader<Guid, PartnershipMaturity>>();

    /// <summary>
    /// A request's loader of maturity timelines (documents of their own, the facts' history of level changes), which
    /// answer levels at any business instant. The facts (most of the document) are loaded only for fields that need them, or for knownAt.
    /// </summary>
    public static BatchLoader<Guid, MaturityTimeline> TimelineLoader(IServiceProvider services) =>
        services.GetRequiredService<BatchLoader<Guid, MaturityTimeline>>();

    public static void AddLoader(IServiceCollection services)
    {
        services.AddScoped(provider => new BatchLoader<Guid, PartnershipMaturity>(async (ids, cancellation) =>
            (await MaturityTimeline.LoadDocumentsAsync(provider.GetRequiredService<IQuerySession>(), provider.GetRequiredService<MaturityEvaluator>(), ids, cancellation))
            .ToDictionary(d => d.Id)));
        services.AddScoped(provider => new BatchLoader<Guid, MaturityTimeline>(async (ids, cancellation) =>
            (await MaturityTimeline.LoadAsync(provider.GetRequiredService<IQuerySession>(), provider.GetRequiredService<MaturityEvaluator>(), ids, cancellation))
            .ToDictionary(t => t.Id)));
    }

    /// <summary>The history a read answers from: the stored one (now), or the one the facts known at knownAt give.</summary>
    private static IDataLoaderResult<MaturityTimeline?> Timeline(IResolveFieldContext<PartnershipSummary> context, DateTimeOffset? knownAt) =>
        knownAt is null ? TimelineLoader(context.RequestServices!).Load(context.Source.Id) : FromWholeDocument(context, knownAt);

    /// <summary>
    /// The history derived from the whole document, the one the facts-based fields read too: levels and their evidence
    /// then come from one read, even when a fact is recorded in between.
    /// </summary>
    private static IDataLoaderResult<MaturityTimeline?> FromWholeDocument(IResolveFieldContext<PartnershipSummary> context, DateTimeOffset? knownAt) =>
        Loader(context.RequestServices!).Load(context.Source.Id).Then(document =>
        {
            if (document is null) return null;
            var evaluator = context.RequestServices!.GetRequiredService<MaturityEvaluator>();
            if (knownAt is not null) return MaturityTimeline.FromFacts(document, evaluator, knownAt);
            // Derived once per request when the stored history was not current: the request's other fields take it too.
            if (!document.HasHistory) document.DeriveHistory(evaluator);
            return MaturityTimeline.Of(document, evaluator);
        });

    /// <summary>Fields of a function's maturity that need the facts themselves, not only the levels.</summary>
    private static readonly IReadOnlySet<string> FactFields = new HashSet<string> { "evidence", "assessments", "evidenceExpiresAt" };

    private static bool AsksForFacts(IResolveFieldContext context) =>
        context.SubFields?.Values.Any(field => FactFields.Contains(field.FieldType.Name)) == true;

    private static readonly IReadOnlySet<string> TimelineFields = new HashSet<string> { "maturity", "maturityHistory", "maturityTrend" };

    /// <summary>
    /// Whether a partnership field (as selected in the query) is answered from the maturity timeline, so that a read
    /// of one partnership fetches the timeline along: not a <c>maturity</c> that also asks for the facts, which reads
    /// the whole document instead.
    /// </summary>
    public static bool ReadsTimeline(GraphQLField field, FieldType definition) =>
        TimelineFields.Contains(definition.Name)
        && !(definition.Name == "maturity" && field.SelectionSet?.Selections.OfType<GraphQLField>().Any(selected => FactFields.Contains(selected.Name.StringValue)) == true);

    public static void AddTo(ObjectGraphType<PartnershipSummary> partnership)
    {
        partnership.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FunctionMaturityGraphType>>>>("maturity")
            .Description("Each function's maturity (in the model's order) at business time asOf, as the ledger knew it at system time knownAt. Both default to now.")
            .Argument<InstantGraphType>("asOf", "Business instant: the maturity in effect then (default now).")
            .Argument<InstantGraphType>("knownAt", "System instant: what the ledger would have answered then, ignoring facts recorded later (default now).")
            .Resolve(context => (AsksForFacts(context) ? FromWholeDocument(context, KnownAt(context)) : Timeline(context, KnownAt(context)))
                .Then(timeline => Read(context, timeline)?.Functions() ?? []));

        partnership.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PartnershipTrendPointGraphType>>>>("maturityTrend")
            .Description("This partnership's level of one function at the end of each month or quarter, with its moves up and down.")
            .Argument<NonNullGraphType<BusinessFunctionGraphType>>("function", "The function.")
            .Argument<NonNullGraphType<InstantGraphType>>("from", "The first period is the one containing this instant.")
            .Argument<NonNullGraphType<InstantGraphType>>("to", "The last period is the one containing this instant.")
            .Argument<NonNullGraphType<TrendIntervalGraphType>>("interval", "MONTH or QUARTER.")
            .Resolve(context =>
            {
                var periods = TrendPeriods.Between(context.GetArgument<TrendInterval>("interval"), context.GetArgument<DateTimeOffset>("from"), context.GetArgument<DateTimeOffset>("to"));
                var function = context.GetArgument<BusinessFunction>("function");
                return TimelineLoader(context.RequestServices!).Load(context.Source.Id).Then(timeline => timeline is null ? [] : Trend(timeline.History, function, periods));
            });

        partnership.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MaturityChangeGraphType>>>>("maturityHistory")
            .Description("Every change of level, evidenced and assessed, in business time order, each with its cause (up to now).")
            .Argument<BusinessFunctionGraphType>("function", "Only this function (default all).")
            .Argument<InstantGraphType>("from", "Changes at or after this instant.")
            .Argument<InstantGraphType>("to", "Changes at or before this instant (default now).")
            .Argument<InstantGraphType>("knownAt", "The history as the ledger knew it at this system instant (default now).")
            .Resolve(context => Timeline(context, context.GetArgument<DateTimeOffset?>("knownAt")).Then(timeline =>
            {
                if (timeline is null) return [];
                var function = context.GetArgument<BusinessFunction?>("function");
                var from = context.GetArgument<DateTimeOffset?>("from") ?? DateTimeOffset.MinValue;
                var now = Now(context);
                var to = context.GetArgument<DateTimeOffset?>("to") is { } until && until < now ? until : now;
                return timeline.History.Where(change => (function is null || change.Function == function) && change.At >= from && change.At <= to).ToList();
            }));
    }

    /// <summary>One partnership's level of one function at the end of each period, and its moves within the period.</summary>
    public static IReadOnlyList<PartnershipTrendPoint> Trend(IReadOnlyList<MaturityChange> history, BusinessFunction function, IReadOnlyList<TrendPeriod> periods) =>
        periods.Select(period =>
        {
            var changes = history.Where(change => change.Function == function).ToList();
            MaturityLevel? LevelAt(MaturityBasis basis) => changes.LastOrDefault(change => change.Basis == basis && change.At < period.End)?.To;
            var moves = changes.Where(change => change.Basis == MaturityBasis.Evidenced && change.From is not null && period.Contains(change.At)).ToList();
            return new PartnershipTrendPoint(period.Start, period.End, LevelAt(MaturityBasis.Evidenced), LevelAt(MaturityBasis.Assessed),
                moves.Count(change => change.To > change.From), moves.Count(change => change.To < change.From));
        }).ToList();

    private static MaturityReading? Read(IResolveFieldContext context, MaturityTimeline? timeline) =>
        timeline is null ? null : new MaturityReading(timeline, context.RequestServices!.GetRequiredService<MaturityEvaluator>(),
            context.GetArgument<DateTimeOffset?>("asOf") ?? Now(context), KnownAt(context));

    /// <summary>The knownAt argument when it lies in the past; null (every fact known now) otherwise.</summary>
    private static DateTimeOffset? KnownAt(IResolveFieldContext context) =>
        context.GetArgument<DateTimeOffset?>("knownAt") is { } at && at < Now(context) ? at : null;

    public static DateTimeOffset Now(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow();
}
