using GraphQL.Types;
using Marten;
using PartnershipLedger.Graph;
using PartnershipLedger.Organizations;
using PartnershipLedger.Recording;

namespace PartnershipLedger.CirclesOfTrust;

public sealed record FormCircleOfTrust(string Name, IReadOnlyList<Guid> MemberIds) : Command
{
    public IEnumerable<object> Decide(Guid circleId, IReadOnlySet<Guid> registered, Decision decision)
    {
        var name = decision.RequiredText("name", Name, Limits.Name);
        var members = (MemberIds ?? []).Distinct().ToList();
        decision.Require(members.Count >= 2, "memberIds", "A circle of trust has two or more member organizations.");
        decision.Require(members.Count <= Limits.ListItems, "memberIds", $"A circle of trust has at most {Limits.ListItems} members.");
        foreach (var unknown in members.Where(member => !registered.Contains(member)))
            decision.Require(false, "memberIds", $"No organization is registered with the id {unknown}.");
        decision.Require(decision.Actor.ActsFor(members), "memberIds",
            "The organization forming the circle (your token's organization) must be one of its members.");
        yield return new CircleOfTrustFormed(circleId, name, members, decision.OccurredAt);
    }
}

public static class FormCircleOfTrustHandler
{
    public static async Task<Recorded> Handle(FormCircleOfTrust command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var candidates = (command.MemberIds ?? []).Distinct().Take(Limits.ListItems + 1).ToArray();
        var registered = (await session.LoadManyAsync<Organization>(cancellation, candidates)).Select(o => o.Id).ToHashSet();
        var id = Guid.CreateVersion7();
        return await session.StartAsync<CircleOfTrust>(command, id, clock.GetUtcNow(), decision => command.Decide(id, registered, decision), cancellation);
    }
}

public sealed class FormCircleOfTrustInput : CommandInputGraphType<FormCircleOfTrust>
{
    public FormCircleOfTrustInput() : base("FormCircleOfTrustInput", "A named circle of trusted partner organizations.")
    {
        Field(x => x.Name).Description("The circle's name, e.g. 'Northwest Alliance'.");
        Field(x => x.MemberIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>))
            .Description("The member organizations (two or more), the acting organization among them.");
        AddCommonFields();
    }
}
