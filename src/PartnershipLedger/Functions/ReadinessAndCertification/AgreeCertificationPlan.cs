using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.ReadinessAndCertification;

/// <summary>A formal plan of the certifications the partners mean to earn, so that their combined certifications win customers.</summary>
public sealed record AgreeCertificationPlan(IReadOnlyList<string> Certifications) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        var certifications = decision.Texts("certifications", Certifications).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        decision.Require(certifications.Count >= 1, "certifications", "A certification plan names at least one certification to earn.");
        yield return new CertificationPlanAgreed(partnership.Id, certifications, decision.OccurredAt);
    }
}

public static class AgreeCertificationPlanHandler
{
    public static Task<Recorded> Handle(AgreeCertificationPlan command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class AgreeCertificationPlanInput : PartnershipCommandInputGraphType<AgreeCertificationPlan>
{
    public AgreeCertificationPlanInput() : base("AgreeCertificationPlanInput", "A formal plan of the certifications the partners mean to earn.")
    {
        Field(x => x.Certifications).Description("The certifications to earn, e.g. 'Azure Solutions Architect Expert' (at least one; the same certification twice counts once).");
        AddCommonFields();
    }
}
