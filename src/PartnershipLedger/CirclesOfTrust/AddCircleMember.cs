using GraphQL.Types;
using Marten;
using PartnershipLedger.Organizations;
using PartnershipLedger.Recording;

namespace PartnershipLedger.CirclesOfTrust;

public sealed record AddCircleMember(Guid OrganizationId) : CircleCommand
{
    public IEnumerable<object> Decide(CircleOfTrust circle, bool registered, Decision decision)
    {
        RequireCircleMember(circle, decision);
        decision.Require(registered, "organizationId", $"No organization is registered with the id {OrganizationId}.");
        decision.Require(!circle.MemberIds.Contains(OrganizationId), "organizationId", "The organization is already in the circle.");
        yield return new CircleMemberAdded(circle.Id, OrganizationId, decision.OccurredAt);
    }
}

public static class AddCircleMemberHandler
{
    public static async Task<Recorded> Handle(AddCircleMember command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var registered = await session.LoadAsync<Organization>(command.OrganizationId, cancellation) is not null;
        return await session.RecordAsync<CircleOfTrust>(command, command.CircleId, clock.GetUtcNow(), (circle, d) => command.Decide(circle, registered, d), cancellation);
    }
}

public sealed class AddCircleMemberInput : CircleCommandInputGraphType<AddCircleMember>
{
    public AddCircleMemberInput() : base("AddCircleMemberInput", "An organization brought into a circle of trust.")
    {
        Field(x => x.OrganizationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The organization joining.");
        AddCommonFields();
    }
}
