using System.ComponentModel;
using GraphQL.Types;
using PartnershipLedger.Graph;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Maturity;

/// <summary>The calendar period (UTC) one point of a trend covers.</summary>
public enum TrendInterval
{
    [Description("A calendar month (UTC).")] Month,
    [Description("A calendar quarter (UTC): January-March, April-June, July-September, October-December.")] Quarter,
}

public sealed class TrendIntervalGraphType : EnumerationGraphType<TrendInterval>
{
    public TrendIntervalGraphType()
    {
        Name = "TrendInterval";
        Description = "The calendar period (UTC) one point of a trend covers: MONTH or QUARTER.";
    }
}

/// <summary>A whole calendar period: from <paramref name="Start"/> (inclusive) to <paramref name="End"/>, the start of the next (exclusive).</summary>
public sealed record TrendPeriod(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Contains(DateTimeOffset instant) => Start <= instant && instant < End;
}

public static class TrendPeriods
{
    public const int MaxPoints = 120;

    /// <summary>
    /// Every whole calendar period (UTC) from the one containing <paramref name="from"/> to the one containing
    /// <paramref name="to"/>. Refuses a reversed range and more than <see cref="MaxPoints"/> periods.
    /// </summary>
    public static IReadOnlyList<TrendPeriod> Between(TrendInterval interval, DateTimeOffset from, DateTimeOffset to)
    {
        if (from > to)
            throw new ValidationFailedException(new ValidationProblem("from", $"from {InstantGraphType.Format(from)} is after to {InstantGraphType.Format(to)}."));
        var months = interval == TrendInterval.Quarter ? 3 : 1;
        var first = StartOfPeriod(from.ToUniversalTime(), months);
        var count = (MonthNumber(to.ToUniversalTime()) - MonthNumber(first)) / months + 1;
        if (count > MaxPoints)
            throw new ValidationFailedException(new ValidationProblem("from",
                $"from {InstantGraphType.Format(from)} to {InstantGraphType.Format(to)} spans {count} {interval.ToString().ToLowerInvariant()}s; a trend has at most {MaxPoints} points: move from later."));
        return Enumerable.Range(0, count).Select(index => new TrendPeriod(first.AddMonths(index * months), first.AddMonths((index + 1) * months))).ToList();
    }

    private static DateTimeOffset StartOfPeriod(DateTimeOffset utc, int months) =>
        new(utc.Year, (utc.Month - 1) / months * months + 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static int MonthNumber(DateTimeOffset utc) => utc.Year * 12 + utc.Month - 1;
}
