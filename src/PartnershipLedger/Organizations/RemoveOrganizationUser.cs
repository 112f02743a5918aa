using Marten;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Organizations;

public sealed record RemoveOrganizationUser(string User) : OrganizationCommand
{
    public IEnumerable<object> Decide(Organization organization, Decision decision)
    {
        RequireOwnOrganization(decision);
        decision.Require(organization.Users.Contains(User), "user", $"{User} is not a user of {organization.Name}.");
        yield return new OrganizationUserRemoved(organization.Id, User, decision.OccurredAt);
    }
}

public static class RemoveOrganizationUserHandler
{
    public static Task<Recorded> Handle(RemoveOrganizationUser command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordAsync<Organization>(command, command.OrganizationId, clock.GetUtcNow(), command.Decide, cancellation);
}

public sealed class RemoveOrganizationUserInput : OrganizationCommandInputGraphType<RemoveOrganizationUser>
{
    public RemoveOrganizationUserInput() : base("RemoveOrganizationUserInput", "A person who no longer records facts for the organization.")
    {
        Field(x => x.User).Description("The user to remove.");
        AddCommonFields();
    }
}
