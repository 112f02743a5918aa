using System.Globalization;
using PartnershipLedger.CirclesOfTrust;
using PartnershipLedger.Organizations;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Audit;

/// <summary>One line per event for people reading the audit trail and timelines.</summary>
public static class EventSummaries
{
    public static string Of(object data) => data switch
    {
        OrganizationRegistered e => $"Organization '{e.Name}' registered ({string.Join(", ", e.PartnerTypes)}; {e.HomeRegion})",
        OrganizationRenamed e => $"Organization renamed to '{e.Name}'",
        OrganizationUserAdded e => $"User {e.User} added",
        OrganizationUserRemoved e => $"User {e.User} removed",

        CircleOfTrustFormed e => $"Circle of trust '{e.Name}' formed by {e.MemberIds.Count} organizations",
        CircleMemberAdded e => $"Organization {e.OrganizationId} joined the circle",
        CircleMemberRemoved e => $"Organization {e.OrganizationId} left the circle",

        PartnershipFormed e => $"Partnership '{e.Name}' formed by {e.MemberIds.Count} organizations",
        MemberJoined e => $"Organization {e.OrganizationId} joined",
        MemberLeft e => $"Organization {e.OrganizationId} left",
        PartnershipPaused e => $"Partnership paused{Because(e.Reason)}",
        PartnershipResumed => "Partnership resumed",
        PartnershipEnded e => $"Partnership ended{Because(e.Reason)}",
        EventRetracted e => $"{e.RetractedEventType} {e.RetractedEventId} retracted: {e.Reason}",

        JointPlanCreated e => $"{e.Horizon} joint plan created{Titled(e.Title)}{(e.Kpis.Count > 0 ? $" with {e.Kpis.Count} KPIs" : "")}",
        JointPlanReviewed e => $"Joint plan {e.PlanId} reviewed{(e.InPerson ? " in person" : "")}",
        PartnerMeetingHeld e => $"Partner meeting held {(e.InPerson ? "in person" : "remotely")}{Titled(e.Topic)}",
        ExecutiveBriefingHeld e => $"Executive briefing held{Titled(e.Topic)}",

        LeadShared e => $"Lead for {e.Customer} shared by {e.FromOrganizationId} with {e.ToOrganizationId}{Amount(e.EstimatedValue)}{(e.Campaign is null ? "" : $" (campaign {e.Campaign})")}",
        LeadAccepted e => $"Lead {e.LeadId} accepted",
        LeadDeclined e => $"Lead {e.LeadId} declined{Because(e.Reason)}",
        OpportunityStageChanged e => $"Opportunity {e.LeadId} moved to {e.Stage}{Amount(e.ForecastAmount)}",
        PipelineReviewHeld e => $"Pipeline review held{(e.InPerson ? " in person" : "")}",

        AgreementSigned e => $"{e.Kind} signed{Titled(e.Title)}{(e.ExpiresOn is { } until ? $", until {until:yyyy-MM-dd}" : "")}",
        AgreementReviewed e => $"Agreement {e.AgreementId} reviewed",
        AgreementTerminated e => $"Agreement {e.AgreementId} terminated{Because(e.Reason)}",
        AgreementReviewOverdue e => $"Review of agreement {e.AgreementId} overdue since {e.DueAt:yyyy-MM-dd}",

        CompensationPlanRecorded e => $"{e.Model} compensation plan recorded{(e.Published ? ", published" : "")}{(e.SharedIncentives ? ", shared incentives" : "")}",
        JointMarketingActivityRecorded e => $"Joint marketing ({e.Kind}): {e.Description}",
        JointMarketingPlanAdopted e => $"Joint marketing plan '{e.Title}' adopted with {e.Measures.Count} measures",
        MarketAccessGained e => $"Access to {e.Market} gained for {e.ForOrganizationId} through {e.ThroughOrganizationId}",
        CoveragePlanAdopted e => $"Coverage plan adopted for {string.Join(", ", e.Markets)}",
        ResourcesSubcontracted e => $"Resources subcontracted from {e.FromOrganizationId} to {e.ToOrganizationId}{Titled(e.Competency)}",
        ResourcesShared e => $"{e.Competency} resources shared from {e.FromOrganizationId} to {e.ToOrganizationId}{(e.ForSales ? " for sales" : "")}",
        RateCardAgreed e => $"{(e.TwoWay ? "Two-way" : "One-way")} rate card agreed",
        JointResourcePlanAdopted e => $"Joint resource plan adopted for {string.Join(", ", e.Competencies)}",
        JointTrainingHeld e => $"Joint training on {e.Topic}{(e.InOverlappingArea ? " (overlapping area)" : "")}",
        CertificationPlanAgreed e => $"Certification plan agreed: {string.Join(", ", e.Certifications)}",
        CertificationEarned e => $"{e.OrganizationId} earned {e.Certification}",
        SupportCaseLogged e => $"Support case for {e.Customer} logged: {e.Summary}",
        SupportCaseResolved e => $"Support case {e.CaseId} resolved{(e.Proactive ? " proactively" : "")}",
        SupportContactAssigned e => $"{e.Contact} assigned as support contact of {e.OrganizationId}",
        SupportReviewHeld => "Support review held",
        SharedCrmAdopted e => $"Shared CRM adopted: {e.System}",
        CustomerMeetingHeld e => $"1:1 meeting with customer {e.Customer}",
        CsatSurveyLogged e => $"CSAT survey of {e.Customer} on {e.Project} logged ({e.Answers.Count} answers)",
        CustomerReferenceShared e => $"Reference {e.Customer} shared by {e.FromOrganizationId} with {e.ToOrganizationId}",
        CustomerIssueJointlyOwned e => $"Issue of {e.Customer} jointly owned: {e.Issue}",
        SelfAssessmentRecorded e => $"{e.OrganizationId} self-assessed {e.Function}: {e.YesCount} yes, {e.Level}",

        _ => data.GetType().Name,
    };

    private static string Because(string? reason) => reason is null ? "" : $": {reason}";
    private static string Titled(string? title) => title is null ? "" : $" ({title})";
    private static string Amount(decimal? value) => value is { } amount ? $", {amount.ToString("N0", CultureInfo.InvariantCulture)}" : "";
}
