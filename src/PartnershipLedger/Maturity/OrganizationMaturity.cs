using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.Extensions.DependencyInjection;
using PartnershipLedger.Graph;
using PartnershipLedger.Model;
using PartnershipLedger.Organizations;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Maturity;

/// <summary>One of an organization's partnerships with its maturity document and timeline (null only if the projection lags).</summary>
public sealed record MemberPartnership(PartnershipSummary Summary, PartnershipMaturity? Maturity, MaturityTimeline? Timeline);

/// <summary>
/// How mature an organization is as a partner, judged across its partnerships (001: "measure the maturity of your
/// fellow partners and see if they are partner-friendly enough"): what it says of itself, and what its record shows.
/// </summary>
public static class OrganizationMaturity
{
    /// <summary>Per function (model order) the organization's latest standing self-assessment in any of its partnerships.</summary>
    public static IReadOnlyList<OrganizationFunctionMaturity> Assessed(Guid organizationId, IEnumerable<MemberPartnership> partnerships, DateTimeOffset now)
    {
        var assessments = partnerships.Where(p => p.Maturity is not null)
            .SelectMany(p => p.Maturity!.Facts.Select(fact => (PartnershipId: p.Summary.Id, Fact: fact)))
            .Where(a => a.Fact.Type == nameof(SelfAssessmentRecorded) && a.Fact.StandsAt(null) && a.Fact.OccurredAt <= now && a.Fact.Id("organizationId") == organizationId)
            .ToLookup(a => a.Fact.Text("function"));
        return Enum.GetValues<BusinessFunction>().Select(function =>
        {
            var latest = assessments[MaturityEvaluator.FunctionKey(function)]
                .OrderBy(a => a.Fact.OccurredAt).ThenBy(a => a.Fact.RecordedAt).LastOrDefault();
            return latest.Fact is not { } fact
                ? new OrganizationFunctionMaturity(function, null, null, null, null, null)
                : new OrganizationFunctionMaturity(function, fact.Level, fact.OccurredAt, latest.PartnershipId, fact.Data.GetProperty("yesCount").GetInt32(), fact.OccurredAt);
        }).ToList();
    }

    /// <summary>The average rank (BASIC 0 .. DYNAMIC 3) of the assessed functions over 3, to 2 decimals; null when nothing was assessed.</summary>
    public static double? PartnerFriendliness(IEnumerable<OrganizationFunctionMaturity> assessed)
    {
        var ranks = assessed.Where(f => f.Level is not null).Select(f => (double)(int)f.Level!.Value).ToList();
        return ranks.Count == 0 ? null : Math.Round(ranks.Average() / (int)MaturityLevel.Dynamic, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Per function (model order) the highest level the record evidences now in any of the organization's active
    /// partnerships, and where: the partnership that reached it first. Level null without an active partnership.
    /// </summary>
    public static IReadOnlyList<OrganizationFunctionMaturity> Evidenced(IEnumerable<MemberPartnership> partnerships, DateTimeOffset now)
    {
        var active = partnerships.Where(p => p.Summary.Status == PartnershipStatus.Active && p.Timeline is not null).ToList();
        return Enum.GetValues<BusinessFunction>().Select(function =>
        {
            var best = active
                .Select(p => (p.Summary.Id, Change: p.Timeline!.History.LastOrDefault(change => change.Function == function && change.Basis == MaturityBasis.Evidenced && change.At <= now)))
                .Where(reading => reading.Change is not null)
                .OrderByDescending(reading => reading.Change!.To).ThenBy(reading => reading.Change!.At).ThenBy(reading => reading.Id)
                .FirstOrDefault();
            return best.Change is not { } change
                ? new OrganizationFunctionMaturity(function, null, null, null, null, null)
                : new OrganizationFunctionMaturity(function, change.To, null, best.Id, null, change.At);
        }).ToList();
    }

    /// <summary>A request's loader of every partnership an organization is a member of, with its maturity document.</summary>
    public static BatchLoader<Guid, IReadOnlyList<MemberPartnership>> Loader(IServiceProvider services) =>
        services.GetRequiredService<BatchLoader<Guid, IReadOnlyList<MemberPartnership>>>();

    /// <summary>One round trip for every organization of a request: the summaries by member, their maturity documents included.</summary>
    public static void AddLoader(IServiceCollection services) =>
        services.AddScoped(provider => new BatchLoader<Guid, IReadOnlyList<MemberPartnership>>(async (organizationIds, cancellation) =>
        {
            var maturity = new Dictionary<Guid, PartnershipMaturity>();
            var timelines = new Dictionary<Guid, MaturityTimeline>();
            // Wrapped in an object[]: a bare string[] would bind as MatchesSql's params array, one parameter per id.
            var keys = organizationIds.Select(id => id.ToString()).ToArray();
            var summaries = await provider.GetRequiredService<IQuerySession>().Query<PartnershipSummary>()
                .Where(x => x.MatchesSql('^', "d.data -> 'MemberIds' ?| ^", new object[] { keys }))
                .Include(x => x.Id, maturity)
                .Include(x => x.Id, timelines)
                .ToListAsync(cancellation);
            var evaluator = provider.GetRequiredService<MaturityEvaluator>();
            // Once per partnership, however many of the organizations asked for share it.
            var partnerships = summaries.Select(s => new MemberPartnership(s, maturity.GetValueOrDefault(s.Id),
                MaturityTimeline.CurrentOrFromFacts(timelines.GetValueOrDefault(s.Id), maturity.GetValueOrDefault(s.Id), evaluator))).ToList();
            return organizationIds.ToDictionary(id => id, IReadOnlyList<MemberPartnership> (id) => partnerships.Where(p => p.Summary.MemberIds.Contains(id)).ToList());
        }));

    /// <summary>The organization's partnerships the caller may see: its figures never draw on the others.</summary>
    private static IDataLoaderResult<IReadOnlyList<MemberPartnership>> VisiblePartnerships(IResolveFieldContext<Organization> context) =>
        Loader(context.RequestServices!).Load(context.Source.Id)
            .Then(IReadOnlyList<MemberPartnership> (partnerships) => (partnerships ?? []).Where(p => Caller.Of(context).Actor.MaySee(p.Summary.MemberIds)).ToList());

    public static void AddTo(ObjectGraphType<Organization> organization)
    {
        organization.Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganizationFunctionMaturityGraphType>>>>("assessedMaturity")
            .Description("Per business function (model order), the organization's latest self-assessment in any of its partnerships: how mature it says it is as a partner. Level null for a function it never assessed.")
            .Resolve(context => VisiblePartnerships(context)
                .Then(partnerships => Assessed(context.Source.Id, partnerships ?? [], MaturityFields.Now(context))));
        organization.Field<FloatGraphType>("partnerFriendliness")
            .Description("How partner-friendly the organization says it is (001): the average level of its assessed functions, BASIC 0 to DYNAMIC 3, divided by 3 and rounded to 2 decimals (0 to 1); null when it assessed nothing.")
            .Resolve(context => VisiblePartnerships(context)
                .Then(partnerships => PartnerFriendliness(Assessed(context.Source.Id, partnerships ?? [], MaturityFields.Now(context)))));
        organization.Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganizationFunctionMaturityGraphType>>>>("evidencedMaturity")
            .Description("Per business function (model order), the highest level the record evidences now in any of the organization's active partnerships, and the partnership that reached it first. Level null without an active partnership.")
            .Resolve(context => VisiblePartnerships(context)
                .Then(partnerships => Evidenced(partnerships ?? [], MaturityFields.Now(context))));
    }
}

/// <param name="AssessedAt">When the self-assessment was taken; null for evidenced maturity.</param>
/// <param name="YesCount">How many questions the self-assessment answered yes; null for evidenced maturity.</param>
/// <param name="Since">Since when the level holds: the assessment's time, or when the evidence reached the level.</param>
public sealed record OrganizationFunctionMaturity(BusinessFunction Function, MaturityLevel? Level, DateTimeOffset? AssessedAt, Guid? PartnershipId, int? YesCount, DateTimeOffset? Since);

public sealed class OrganizationFunctionMaturityGraphType : ObjectGraphType<OrganizationFunctionMaturity>
{
    public OrganizationFunctionMaturityGraphType()
    {
        Name = "OrganizationFunctionMaturity";
        Description = "An organization's maturity in one business function, across its partnerships: assessed (what it says of itself) or evidenced (what its record shows).";
        Field(x => x.Function, type: typeof(NonNullGraphType<BusinessFunctionGraphType>)).Description("The function.");
        Field(x => x.Level, type: typeof(MaturityLevelGraphType)).Description("The level; null when the organization never assessed this function (assessed) or has no active partnership (evidenced).");
        Field(x => x.AssessedAt, type: typeof(InstantGraphType)).Description("When the self-assessment was taken (business time); null for evidenced maturity.");
        Field(x => x.PartnershipId, type: typeof(IdGraphType)).Description("The partnership the level comes from: where the self-assessment was recorded, or where the evidence first reached the level.");
        Field(x => x.YesCount, nullable: true).Description("How many questions the self-assessment answered yes; null for evidenced maturity.");
        Field(x => x.Since, type: typeof(InstantGraphType)).Description("Since when the level holds: the self-assessment's time, or when the evidence reached the level in that partnership.");
    }
}
