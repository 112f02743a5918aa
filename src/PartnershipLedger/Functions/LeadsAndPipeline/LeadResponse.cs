using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.LeadsAndPipeline;

/// <summary>The checks of accepting or declining a lead: it exists, is still open, and only its receiver answers it.</summary>
internal static class LeadResponse
{
    public static bool Check(Partnership partnership, Guid leadId, Decision decision)
    {
        if (!partnership.Leads.TryGetValue(leadId, out var lead))
        {
            decision.Require(false, "leadId", $"No lead {leadId} was shared in this partnership (use the eventId shareLead returned).");
            return false;
        }
        decision.Require(lead.Status == LeadStatus.Shared, "leadId", $"The lead was already {lead.Status.ToString().ToLowerInvariant()}.");
        decision.Require(decision.Actor.OrganizationId == lead.ToOrganizationId, "leadId", "Only the member the lead was shared with can accept or decline it.");
        decision.NotBefore(lead.SharedAt, "the lead was shared");
        return true;
    }
}
