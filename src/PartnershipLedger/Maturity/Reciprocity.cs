using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Maturity;

/// <summary>What one member organization gave to and received from the other members (001: "partnering is a two way street").</summary>
public sealed record MemberReciprocity(Guid OrganizationId, int LeadsGiven, int LeadsReceived, int ResourcesGiven, int ResourcesReceived, int ReferencesGiven, int ReferencesReceived)
{
    public int Given => LeadsGiven + ResourcesGiven + ReferencesGiven;
    public int Received => LeadsReceived + ResourcesReceived + ReferencesReceived;
}

/// <param name="Index">1 when every member gave as much as it received, 0 when some only gave and others only took; null without flows.</param>
public sealed record Reciprocity(IReadOnlyList<MemberReciprocity> Members, double? Index)
{
    public bool Balanced => Index >= 0.5;

    /// <summary>
    /// What each member gave and received from <paramref name="from"/> to <paramref name="to"/> (both inclusive, business
    /// time), from the facts the ledger counted at system time <paramref name="knownAt"/> (null: as known now).
    /// </summary>
    public static Reciprocity Between(PartnershipMaturity partnership, DateTimeOffset from, DateTimeOffset to, DateTimeOffset? knownAt)
    {
        var flows = Flows(partnership, knownAt).Where(flow => from <= flow.At && flow.At <= to).ToList();
        var members = Tally(partnership, flows);
        return new Reciprocity(members, IndexOf(members, flows.Count));
    }

    /// <summary>One point per period: the reciprocity of the flows inside it, as known now.</summary>
    public static IReadOnlyList<ReciprocityPoint> Trend(PartnershipMaturity partnership, IReadOnlyList<TrendPeriod> periods)
    {
        var flows = Flows(partnership, knownAt: null).ToList();
        return periods.Select(period =>
        {
            var inside = flows.Where(flow => period.Contains(flow.At)).ToList();
            var members = Tally(partnership, inside);
            return new ReciprocityPoint(period.Start, period.End, IndexOf(members, inside.Count), members.Sum(m => m.Given), members.Sum(m => m.Received));
        }).ToList();
    }

    private enum Kind { Lead, Resources, Reference }

    private sealed record Flow(Kind Kind, Guid From, Guid To, DateTimeOffset At);

    private static readonly IReadOnlyDictionary<string, Kind> FlowTypes = new Dictionary<string, Kind>
    {
        [nameof(LeadShared)] = Kind.Lead,
        [nameof(ResourcesShared)] = Kind.Resources,
        [nameof(ResourcesSubcontracted)] = Kind.Resources,
        [nameof(CustomerReferenceShared)] = Kind.Reference,
    };

    private static IEnumerable<Flow> Flows(PartnershipMaturity partnership, DateTimeOffset? knownAt)
    {
        var standing = partnership.Standing(knownAt);
        return FlowTypes.SelectMany(type => standing[type.Key].Select(fact =>
            new Flow(type.Value, fact.Id("fromOrganizationId"), fact.Id("toOrganizationId"), fact.OccurredAt)));
    }

    /// <summary>The current members, then anyone else a flow names (a member who left keeps what it gave).</summary>
    private static List<MemberReciprocity> Tally(PartnershipMaturity partnership, IReadOnlyList<Flow> flows) =>
        partnership.MemberIds.Concat(flows.SelectMany(flow => new[] { flow.From, flow.To })).Distinct()
            .Select(member => new MemberReciprocity(member,
                flows.Count(f => f.Kind == Kind.Lead && f.From == member), flows.Count(f => f.Kind == Kind.Lead && f.To == member),
                flows.Count(f => f.Kind == Kind.Resources && f.From == member), flows.Count(f => f.Kind == Kind.Resources && f.To == member),
                flows.Count(f => f.Kind == Kind.Reference && f.From == member), flows.Count(f => f.Kind == Kind.Reference && f.To == member)))
            .ToList();

    /// <summary>1 - (sum over members of |given - received|) / (2 × flows), to 2 decimals.</summary>
    private static double? IndexOf(IReadOnlyList<MemberReciprocity> members, int flows) =>
        flows == 0 ? null : (double)Math.Round(1m - members.Sum(m => Math.Abs(m.Given - m.Received)) / (2m * flows), 2, MidpointRounding.AwayFromZero);
}

/// <param name="Given">Flows the members gave in the period.</param>
/// <param name="Received">Flows the members received in the period.</param>
public sealed record ReciprocityPoint(DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, double? Index, int Given, int Received);
