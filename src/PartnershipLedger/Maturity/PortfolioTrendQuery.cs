using GraphQL;
using GraphQL.Types;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using PartnershipLedger.Graph;
using PartnershipLedger.Model;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Maturity;

/// <summary>The portfolio's partnerships at each evidenced level at the end of a period, and the moves within it.</summary>
public sealed record TrendPoint(DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, int Basic, int Reactive, int Proactive, int Dynamic, int Ups, int Downs);

public static class PortfolioTrend
{
    public sealed record MonthCounts(DateOnly Month, int[] Net, int Ups, int Downs);

    /// <summary>Turns monthly net changes into per-period counts (running totals at each period end) between two instants.</summary>
    public static IReadOnlyList<TrendPoint> Points(IEnumerable<MonthCounts> months, IReadOnlyList<TrendPeriod> periods)
    {
        var ordered = months.OrderBy(m => m.Month).ToList();
        var totals = new int[4];
        var next = 0;
        var points = new List<TrendPoint>();
        foreach (var period in periods)
        {
            int ups = 0, downs = 0;
            for (; next < ordered.Count && Instant(ordered[next].Month) < period.End; next++)
            {
                for (var level = 0; level < 4; level++) totals[level] += ordered[next].Net[level];
                if (Instant(ordered[next].Month) >= period.Start)
                {
                    ups += ordered[next].Ups;
                    downs += ordered[next].Downs;
                }
            }
            points.Add(new TrendPoint(period.Start, period.End, totals[0], totals[1], totals[2], totals[3], ups, downs));
        }
        return points;
    }

    private static DateTimeOffset Instant(DateOnly month) => new(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The whole portfolio's months, from the trend buckets.</summary>
    public static async Task<IReadOnlyList<MonthCounts>> PortfolioAsync(IQuerySession session, BusinessFunction function, DateTimeOffset to, CancellationToken cancellation)
    {
        var last = PartnershipTrendContribution.MonthOf(to);
        var buckets = await session.Query<MaturityTrendBucket>().Where(b => b.Function == function && b.Month <= last).ToListAsync(cancellation);
        return buckets.Select(b => new MonthCounts(b.Month, b.Net, b.Ups, b.Downs)).ToList();
    }

    /// <summary>A subset's months: the sum of those partnerships' own contributions.</summary>
    public static async Task<IReadOnlyList<MonthCounts>> SubsetAsync(IQuerySession session, BusinessFunction function, IReadOnlyCollection<Guid> partnerships, CancellationToken cancellation)
    {
        var prefix = MaturityEvaluator.FunctionKey(function) + ":";
        var contributions = await session.LoadManyAsync<PartnershipTrendContribution>(cancellation, partnerships.ToArray());
        return contributions.SelectMany(c => c.Buckets.Where(b => b.Key.StartsWith(prefix)))
            .GroupBy(b => b.Key, b => b.Value)
            .Select(month => new MonthCounts(DateOnly.ParseExact(month.Key[prefix.Length..] + "-01", "yyyy-MM-dd"),
                Enumerable.Range(0, 4).Select(level => month.Sum(c => c.Net[level])).ToArray(), month.Sum(c => c.Ups), month.Sum(c => c.Downs)))
            .ToList();
    }
}

public sealed class TrendPointGraphType : ObjectGraphType<TrendPoint>
{
    public TrendPointGraphType()
    {
        Name = "TrendPoint";
        Description = "One period of a portfolio trend: how many partnerships were at each evidenced level at its end, and how many moved.";
        Field(x => x.PeriodStart, type: typeof(NonNullGraphType<InstantGraphType>)).Description("The period's first instant.");
        Field(x => x.PeriodEnd, type: typeof(NonNullGraphType<InstantGraphType>)).Description("The instant after the period (the counts are taken there).");
        Field(x => x.Basic).Description("Partnerships at BASIC at the period end.");
        Field(x => x.Reactive).Description("Partnerships at REACTIVE at the period end.");
        Field(x => x.Proactive).Description("Partnerships at PROACTIVE at the period end.");
        Field(x => x.Dynamic).Description("Partnerships at DYNAMIC at the period end.");
        Field(x => x.Ups).Description("Moves up a level during the period.");
        Field(x => x.Downs).Description("Moves down a level during the period (evidence expiring, agreements ending...).");
    }
}

public static class PortfolioTrendFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TrendPointGraphType>>>>("portfolioTrend")
            .Description("How the portfolio's partnerships spread over the evidenced levels of one function, period by period, with the moves up and down; optionally for the partnerships of one organization, partner type or circle of trust.")
            .Argument<NonNullGraphType<BusinessFunctionGraphType>>("function", "The function.")
            .Argument<NonNullGraphType<InstantGraphType>>("from", "The first period is the one containing this instant.")
            .Argument<NonNullGraphType<InstantGraphType>>("to", "The last period is the one containing this instant.")
            .Argument<NonNullGraphType<TrendIntervalGraphType>>("interval", "MONTH or QUARTER.")
            .Argument<IdGraphType>("organizationId", "Only the partnerships this organization is a member of.")
            .Argument<PartnerTypeGraphType>("partnerType", "Only partnerships with at least one member of this partner type.")
            .Argument<IdGraphType>("circleOfTrustId", "Only partnerships inside this circle of trust: all of their members are in it.")
            .ResolveAsync(async context =>
            {
                var session = context.RequestServices!.GetRequiredService<IQuerySession>();
                var function = context.GetArgument<BusinessFunction>("function");
                var from = context.GetArgument<DateTimeOffset>("from");
                var to = context.GetArgument<DateTimeOffset>("to");
                var periods = TrendPeriods.Between(context.GetArgument<TrendInterval>("interval"), from, to);
                var filter = new PartnershipFilter(IdArguments.Optional(context, "organizationId"), context.GetArgument<PartnerType?>("partnerType"),
                    IdArguments.Optional(context, "circleOfTrustId")).WithinReachOf(Caller.Of(context).Actor);
                var months = filter == new PartnershipFilter()
                    ? await PortfolioTrend.PortfolioAsync(session, function, to, context.CancellationToken)
                    : await PortfolioTrend.SubsetAsync(session, function, await PartnershipList.IdsAsync(session, filter, context.CancellationToken), context.CancellationToken);
                return PortfolioTrend.Points(months, periods);
            });
}
