using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.ReadinessAndCertification;

/// <summary>A certification a member organization earned.</summary>
public sealed record RecordCertificationEarned(Guid OrganizationId, string Certification) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        decision.RequireMember(partnership, OrganizationId, "organizationId");
        yield return new CertificationEarned(partnership.Id, OrganizationId, decision.RequiredText("certification", Certification, Limits.Name), decision.OccurredAt);
    }
}

public static class RecordCertificationEarnedHandler
{
    public static Task<Recorded> Handle(RecordCertificationEarned command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class RecordCertificationEarnedInput : PartnershipCommandInputGraphType<RecordCertificationEarned>
{
    public RecordCertificationEarnedInput() : base("RecordCertificationEarnedInput", "A certification a member organization earned.")
    {
        Field(x => x.OrganizationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The member organization that earned it.");
        Field(x => x.Certification).Description("The certification, e.g. 'Solutions Partner for Data & AI'.");
        AddCommonFields();
    }
}
