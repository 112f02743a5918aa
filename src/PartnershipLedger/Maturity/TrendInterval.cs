using GraphQL.Types;

namespace PartnershipLedger.Maturity;

/// <summary>The length of one period of a trend: a calendar month or quarter (UTC).</summary>
public enum TrendInterval
{
    Month,
    Quarter,
}

public sealed class TrendIntervalGraphType : EnumerationGraphType<TrendInterval>
{
    public TrendIntervalGraphType()
    {
        Name = "TrendInterval";
        Description = "The period of a trend: a calendar MONTH or QUARTER (UTC).";
    }
}
