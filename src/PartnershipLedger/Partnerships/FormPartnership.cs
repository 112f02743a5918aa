using GraphQL.Types;
using Marten;
using PartnershipLedger.Graph;
using PartnershipLedger.Organizations;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Partnerships;

public sealed record FormPartnership(string Name, IReadOnlyList<Guid> MemberIds) : Command
{
    /// <param name="registered">The registered organizations among <see cref="MemberIds"/>.</param>
    public IEnumerable<object> Decide(Guid partnershipId, IReadOnlySet<Guid> registered, Decision decision)
    {
        var name = decision.RequiredText("name", Name, Limits.Name);
        var members = (MemberIds ?? []).Distinct().ToList();
        decision.Require(members.Count >= 2, "memberIds", "A partnership needs two or more distinct member organizations.");
        decision.Require(members.Count <= Limits.ListItems, "memberIds", $"A partnership has at most {Limits.ListItems} members.");
        foreach (var unknown in members.Where(member => !registered.Contains(member)))
            decision.Require(false, "memberIds", $"No organization is registered with the id {unknown}.");
        decision.Require(decision.Actor.ActsFor(members), "memberIds",
            "The organization forming the partnership (your token's organization) must be one of its members.");
        yield return new PartnershipFormed(partnershipId, name, members, decision.OccurredAt);
    }
}

public static class FormPartnershipHandler
{
    public static async Task<Recorded> Handle(FormPartnership command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var candidates = (command.MemberIds ?? []).Distinct().Take(Limits.ListItems + 1).ToArray();
        var registered = (await session.LoadManyAsync<Organization>(cancellation, candidates)).Select(o => o.Id).ToHashSet();
        var id = Guid.CreateVersion7();
        return await session.StartAsync<Partnership>(command, id, clock.GetUtcNow(), decision => command.Decide(id, registered, decision), cancellation);
    }
}

public sealed class FormPartnershipInput : CommandInputGraphType<FormPartnership>
{
    public FormPartnershipInput() : base("FormPartnershipInput", "Two or more registered organizations forming a partnership.")
    {
        Field(x => x.Name).Description("The partnership's name.");
        Field(x => x.MemberIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>))
            .Description("The member organizations (two or more), the acting organization among them.");
        AddCommonFields();
    }
}
