using JasperFx.Events;
using PartnershipLedger.Maturity;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Maturity;

/// <summary>Builds a partnership's maturity document from events, as the projection does, for fast rule tests.</summary>
public sealed class Evidence
{
    public static readonly Guid Contoso = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    public static readonly Guid Fabrikam = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    public static readonly Guid PartnershipId = Guid.Parse("00000000-0000-0000-0000-0000000000aa");
    public static readonly DateTimeOffset FormedAt = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly MaturityEvaluator Evaluator = new(EvidenceRulesLoader.Load(RepositoryFiles.Schema("evidence-rules.json")));

    private readonly PartnershipMaturity document = new();
    private long version;

    public Evidence(string contosoRegion = "Sweden", string fabrikamRegion = "Sweden")
    {
        Add(new PartnershipFormed(PartnershipId, "Nordic", [Contoso, Fabrikam], FormedAt));
        document.Profiles[Contoso] = new PartnershipMaturity.MemberProfile(contosoRegion, []);
        document.Profiles[Fabrikam] = new PartnershipMaturity.MemberProfile(fabrikamRegion, []);
    }

    public PartnershipMaturity Document => document;

    /// <summary>Records an event (its business time is in the event), recorded at <paramref name="recordedAt"/> (default: when it occurred).</summary>
    public Guid Add(object data, DateTimeOffset? recordedAt = null, Guid? id = null)
    {
        var wrapped = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        wrapped.Id = id ?? Guid.NewGuid();
        wrapped.Version = ++version;
        wrapped.Timestamp = recordedAt ?? ((IPartnershipEvent)data).OccurredAt;
        document.Record(wrapped, Evaluator.FactFields);
        if (data is MemberJoined joined) document.Profiles.TryAdd(joined.OrganizationId, new PartnershipMaturity.MemberProfile("Elsewhere", []));
        return wrapped.Id;
    }

    public PartnershipLedger.Model.MaturityLevel LevelAt(PartnershipLedger.Model.BusinessFunction function, DateTimeOffset at, DateTimeOffset? knownAt = null) =>
        Evaluator.EvidencedLevel(new MaturityEvaluator.View(document, knownAt), function, at);

    public IReadOnlyList<MaturityChange> History(PartnershipLedger.Model.BusinessFunction function) =>
        Evaluator.History(document).Where(change => change.Function == function && change.Basis == MaturityBasis.Evidenced).ToList();

    public static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.Zero);
}
