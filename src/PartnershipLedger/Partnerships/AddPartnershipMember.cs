using GraphQL.Types;
using Marten;
using PartnershipLedger.Organizations;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Partnerships;

public sealed record AddPartnershipMember(Guid OrganizationId) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, bool registered, Decision decision)
    {
        decision.Require(registered, "organizationId", $"No organization is registered with the id {OrganizationId}.");
        decision.Require(!partnership.Members.Contains(OrganizationId), "organizationId", "The organization is already a member.");
        yield return new MemberJoined(partnership.Id, OrganizationId, decision.OccurredAt);
    }
}

public static class AddPartnershipMemberHandler
{
    public static async Task<Recorded> Handle(AddPartnershipMember command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var registered = await session.LoadAsync<Organization>(command.OrganizationId, cancellation) is not null;
        return await session.RecordOnPartnershipAsync(command, clock, (p, d) => command.Decide(p, registered, d), cancellation);
    }
}

public sealed class AddPartnershipMemberInput : PartnershipCommandInputGraphType<AddPartnershipMember>
{
    public AddPartnershipMemberInput() : base("AddPartnershipMemberInput", "A registered organization joining a partnership.")
    {
        Field(x => x.OrganizationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The organization joining.");
        AddCommonFields();
    }
}
