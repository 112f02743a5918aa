using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using PartnershipLedger.Graph;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Maturity;

/// <summary>The seed-derived figures of a partnership (meeting rhythm, reciprocity, agreement reviews), read from its maturity document.</summary>
public static class FiguresFields
{
    public static void AddTo(ObjectGraphType<PartnershipSummary> partnership)
    {
        partnership.Field<NonNullGraphType<MeetingRhythmGraphType>>("rhythm")
            .Description("How often the partners meet (001: quarterly is good, monthly is great, weekly is Nirvana!), observed over the 12 months before asOf, and whether the rhythm slipped.")
            .Argument<InstantGraphType>("asOf", "Business instant: the rhythm then (default now).")
            .Argument<InstantGraphType>("knownAt", "System instant: what the ledger would have answered then, ignoring facts recorded later (default now).")
            .Resolve(context =>
            {
                var (now, knownAt) = Clocks(context);
                var asOf = context.GetArgument<DateTimeOffset?>("asOf") ?? now;
                return Document(context).Then(document => MeetingRhythm.At(document, asOf, knownAt));
            });

        partnership.Field<NonNullGraphType<ReciprocityGraphType>>("reciprocity")
            .Description("The two-way street (001): what each member gave and received in leads, resources and customer references from `from` to `to`, and how balanced that is.")
            .Argument<InstantGraphType>("from", "Flows at or after this business instant (default: the partnership's formation).")
            .Argument<InstantGraphType>("to", "Flows at or before this business instant (default now).")
            .Argument<InstantGraphType>("knownAt", "System instant: what the ledger would have answered then, ignoring facts recorded later (default now).")
            .Resolve(context =>
            {
                var (now, knownAt) = Clocks(context);
                var from = context.GetArgument<DateTimeOffset?>("from");
                var to = context.GetArgument<DateTimeOffset?>("to") ?? now;
                if (from > to) throw new ValidationFailedException(new ValidationProblem("from", $"from {InstantGraphType.Format(from.Value)} is after to {InstantGraphType.Format(to)}."));
                return Document(context).Then(document => Reciprocity.Between(document, from ?? document.FormedAt, to, knownAt));
            });

        partnership.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReciprocityPointGraphType>>>>("reciprocityTrend")
            .Description($"The reciprocity of each calendar month or quarter (UTC) from the one containing `from` to the one containing `to` (at most {TrendPeriods.MaxPoints} points), as known now.")
            .Argument<NonNullGraphType<TrendIntervalGraphType>>("interval", "One point per MONTH or per QUARTER.")
            .Argument<NonNullGraphType<InstantGraphType>>("from", "The first point is the period containing this instant.")
            .Argument<NonNullGraphType<InstantGraphType>>("to", "The last point is the period containing this instant.")
            .Resolve(context =>
            {
                // Checked before the document loads: a refusal thrown inside a loader's continuation escapes
                // DomainErrors and would reach the client without its VALIDATION code.
                var periods = TrendPeriods.Between(context.GetArgument<TrendInterval>("interval"), context.GetArgument<DateTimeOffset>("from"), context.GetArgument<DateTimeOffset>("to"));
                return Document(context).Then(document => Reciprocity.Trend(document, periods));
            });

        partnership.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgreementReviewGraphType>>>>("agreementReviews")
            .Description("Every agreement signed at or before asOf, in signing order, with its yearly review (001: review the agreement every year): when it is due and whether it is overdue.")
            .Argument<InstantGraphType>("asOf", "Business instant: the reviews then (default now).")
            .Argument<InstantGraphType>("knownAt", "System instant: what the ledger would have answered then, ignoring facts recorded later (default now).")
            .Resolve(context =>
            {
                var (now, knownAt) = Clocks(context);
                var asOf = context.GetArgument<DateTimeOffset?>("asOf") ?? now;
                return Document(context).Then(document => AgreementReviews.At(document, asOf, knownAt));
            });
    }

    /// <summary>Now, and knownAt as the figures take it: null (every fact known now) unless it lies in the past.</summary>
    private static (DateTimeOffset Now, DateTimeOffset? KnownAt) Clocks(IResolveFieldContext context)
    {
        var now = MaturityFields.Now(context);
        return (now, context.GetArgument<DateTimeOffset?>("knownAt") is { } at && at < now ? at : null);
    }

    private static IDataLoaderResult<PartnershipMaturity> Document(IResolveFieldContext<PartnershipSummary> context) =>
        MaturityFields.Loader(context.RequestServices!).Load(context.Source.Id)
            .Then(document => document ?? new PartnershipMaturity { Id = context.Source.Id, FormedAt = context.Source.FormedAt, MemberIds = context.Source.MemberIds.ToList() });
}
