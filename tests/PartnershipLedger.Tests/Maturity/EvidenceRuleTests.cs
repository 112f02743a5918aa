using PartnershipLedger.Model;
using PartnershipLedger.Partnerships;
using static PartnershipLedger.Model.BusinessFunction;
using static PartnershipLedger.Model.MaturityLevel;
using static PartnershipLedger.Tests.Maturity.Evidence;

namespace PartnershipLedger.Tests.Maturity;

/// <summary>Each evidence rule on its own: events in, level out (schema/evidence-rules.json).</summary>
public sealed class EvidenceRuleTests
{
    private static readonly DateTimeOffset At = Day(2024, 6, 1);
    private static DateTimeOffset Before(int days) => At.AddDays(-days);
    private static readonly Guid P = PartnershipId;

    public static TheoryData<string, BusinessFunction, object[], MaturityLevel> Rules => new()
    {
        { "nothing recorded", JointBusinessPlanning, [], Basic },
        { "a partner meeting", JointBusinessPlanning, [new PartnerMeetingHeld(P, false, null, Before(10))], Reactive },
        { "an ad-hoc plan", JointBusinessPlanning, [new JointPlanCreated(P, JointPlanHorizon.AdHoc, null, [], Before(10))], Reactive },
        { "an activity plan without KPIs", JointBusinessPlanning, [new JointPlanCreated(P, JointPlanHorizon.Activity, null, [], Before(10))], Reactive },
        { "an activity plan with KPIs", JointBusinessPlanning, [new JointPlanCreated(P, JointPlanHorizon.Activity, null, ["3 wins"], Before(10))], Proactive },
        { "an annual plan reviewed quarterly with a briefing", JointBusinessPlanning, [
            new JointPlanCreated(P, JointPlanHorizon.Annual, null, ["pipeline"], Before(300)),
            new JointPlanReviewed(P, Guid.Empty, false, Before(270)), new JointPlanReviewed(P, Guid.Empty, false, Before(180)),
            new JointPlanReviewed(P, Guid.Empty, false, Before(90)), new JointPlanReviewed(P, Guid.Empty, false, Before(5)),
            new ExecutiveBriefingHeld(P, null, Before(100))], Dynamic },
        { "an annual plan whose last review is older than a quarter", JointBusinessPlanning, [
            new JointPlanCreated(P, JointPlanHorizon.Annual, null, ["pipeline"], Before(300)),
            new JointPlanReviewed(P, Guid.Empty, false, Before(280)), new JointPlanReviewed(P, Guid.Empty, false, Before(200)),
            new JointPlanReviewed(P, Guid.Empty, false, Before(150)), new JointPlanReviewed(P, Guid.Empty, false, Before(100)),
            new ExecutiveBriefingHeld(P, null, Before(100))], Proactive },

        { "a lead shared", LeadsAndPipeline, [Lead(Contoso, null, 10)], Reactive },
        { "a campaign lead without a tracked opportunity", LeadsAndPipeline, [Lead(Contoso, "Azure", 10)], Reactive },
        { "a campaign lead and a tracked opportunity", LeadsAndPipeline, [Lead(Contoso, "Azure", 10), new OpportunityStageChanged(P, Guid.Empty, OpportunityStage.Proposal, null, null, Before(5))], Proactive },
        { "leads both ways, two pipeline reviews, in person", LeadsAndPipeline, [
            Lead(Contoso, null, 50), Lead(Fabrikam, null, 40), new PipelineReviewHeld(P, false, Before(30)), new PipelineReviewHeld(P, true, Before(3))], Dynamic },
        { "leads one way only with reviews", LeadsAndPipeline, [
            Lead(Contoso, null, 50), Lead(Contoso, null, 40), new PipelineReviewHeld(P, true, Before(30)), new PipelineReviewHeld(P, true, Before(3))], Reactive },

        { "an MOU", Agreement, [Signed(AgreementKind.Mou, 100)], Reactive },
        { "a letter of intent", Agreement, [Signed(AgreementKind.LetterOfIntent, 100)], Proactive },
        { "a partnership agreement signed this year", Agreement, [Signed(AgreementKind.PartnershipAgreement, 100)], Dynamic },
        { "an expired MOU", Agreement, [Signed(AgreementKind.Mou, 100, expires: DateOnly.FromDateTime(At.AddDays(-1).UtcDateTime))], Basic },

        { "ad-hoc compensation", SalesCompensation, [new CompensationPlanRecorded(P, CompensationModel.AdHoc, false, false, null, Before(10))], Reactive },
        { "referral compensation, unpublished", SalesCompensation, [new CompensationPlanRecorded(P, CompensationModel.Referral, false, false, null, Before(10))], Basic },
        { "referral compensation, published", SalesCompensation, [new CompensationPlanRecorded(P, CompensationModel.Referral, true, false, null, Before(10))], Proactive },
        { "campaign compensation with shared incentives", SalesCompensation, [new CompensationPlanRecorded(P, CompensationModel.CampaignBased, true, true, null, Before(10))], Dynamic },

        { "messaging on request", MarketMessaging, [new JointMarketingActivityRecorded(P, MarketingActivityKind.OnRequest, "x", Before(10))], Reactive },
        { "partner recognition", MarketMessaging, [new JointMarketingActivityRecorded(P, MarketingActivityKind.PartnerRecognition, "x", Before(10))], Proactive },
        { "a measured plan, executed", MarketMessaging, [
            new JointMarketingPlanAdopted(P, "FY24", ["MQLs"], Before(100)), new JointMarketingActivityRecorded(P, MarketingActivityKind.JointEvent, "booth", Before(10))], Dynamic },
        { "a plan never executed", MarketMessaging, [new JointMarketingPlanAdopted(P, "FY24", ["MQLs"], Before(100))], Basic },

        { "one market gained", Geography, [Access("Norway", 10)], Proactive },
        { "a coverage plan used in two markets", Geography, [
            new CoveragePlanAdopted(P, ["Norway", "Denmark"], Before(100)), Access("Norway", 50), Access("Denmark", 10)], Dynamic },

        { "subcontracting alone", ResourceUtilization, [new ResourcesSubcontracted(P, Contoso, Fabrikam, "SQL", null, Before(10))], Basic },
        { "resources shared for an opportunity", ResourceUtilization, [new ResourcesShared(P, Contoso, Fabrikam, "SQL", "Acad", false, Before(10))], Reactive },
        { "a two-way rate card and architects for sales", ResourceUtilization, [
            new RateCardAgreed(P, true, null, Before(50)), new ResourcesShared(P, Contoso, Fabrikam, "Architecture", null, true, Before(10))], Proactive },
        { "a joint resource plan over two competencies", ResourceUtilization, [new JointResourcePlanAdopted(P, ["Azure", "Dynamics"], Before(10))], Dynamic },

        { "ad-hoc training", ReadinessAndCertification, [new JointTrainingHeld(P, "Teams", false, Before(10))], Reactive },
        { "training in an overlapping area", ReadinessAndCertification, [new JointTrainingHeld(P, "Teams", true, Before(10))], Proactive },
        { "a certification plan and a certification", ReadinessAndCertification, [
            new CertificationPlanAgreed(P, ["AZ-305"], Before(100)), new CertificationEarned(P, Contoso, "AZ-305", Before(10))], Dynamic },

        { "a support case", ProductAndCustomerSupport, [new SupportCaseLogged(P, "Acad", "down", Contoso, Before(10))], Reactive },
        { "a SPOC and a support review", ProductAndCustomerSupport, [
            new SupportContactAssigned(P, Contoso, "Sam", Before(50)), new SupportReviewHeld(P, Before(10))], Proactive },
        { "a SPOC, a shared CRM and a proactive resolution", ProductAndCustomerSupport, [
            new SupportContactAssigned(P, Contoso, "Sam", Before(50)), new SharedCrmAdopted(P, "Dynamics 365", Before(40)), new SupportCaseResolved(P, Guid.Empty, true, Before(10))], Dynamic },

        { "a 1:1 customer meeting", CustomerRelationshipsAndSatisfaction, [new CustomerMeetingHeld(P, "Acad", Before(10))], Reactive },
        { "a CSAT survey and a reference", CustomerRelationshipsAndSatisfaction, [
            new CsatSurveyLogged(P, "Acad", "Intranet", null, [CsatAnswer.AsExpected], Before(20)), new CustomerReferenceShared(P, Contoso, Fabrikam, "Acad", Before(10))], Proactive },
        { "a customer issue jointly owned", CustomerRelationshipsAndSatisfaction, [new CustomerIssueJointlyOwned(P, "Acad", "outage", Before(10))], Dynamic },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Recorded_evidence_reaches_the_level_its_rule_names(string evidence, BusinessFunction function, object[] events, MaturityLevel expected)
    {
        var partnership = new Evidence();
        foreach (var e in events) partnership.Add(e);

        Assert.True(expected == partnership.LevelAt(function, At), $"{evidence}: expected {expected}, got {partnership.LevelAt(function, At)}");
    }

    [Fact]
    public void Members_from_two_home_regions_make_geography_reactive()
    {
        Assert.Equal(Basic, new Evidence("Sweden", "Sweden").LevelAt(Geography, At));
        Assert.Equal(Reactive, new Evidence("US-OK", "US-TX").LevelAt(Geography, At));
    }

    private static LeadShared Lead(Guid from, string? campaign, int daysBefore) =>
        new(P, from, from == Contoso ? Fabrikam : Contoso, "Acad", true, null, campaign, Before(daysBefore));

    private static AgreementSigned Signed(AgreementKind kind, int daysBefore, DateOnly? expires = null) =>
        new(P, kind, null, [Contoso, Fabrikam], null, expires, Before(daysBefore));

    private static MarketAccessGained Access(string market, int daysBefore) => new(P, market, Contoso, Fabrikam, Before(daysBefore));
}
