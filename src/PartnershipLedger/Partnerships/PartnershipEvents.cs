using System.ComponentModel;
using PartnershipLedger.Model;

namespace PartnershipLedger.Partnerships;

// Every event of a partnership's stream. Each carries the partnership id and its business time (OccurredAt);
// the acting user and organization, the recording time and the correlation id are Marten metadata.
// A fact that later facts refer to (a lead, an agreement, a plan, a support case) is identified by the id
// of the event that recorded it. Stored events outlive code: rename one only with an alias.

/// <summary>Marks the business function an evidence event is about (for maturity and the event catalogue).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EvidenceOfAttribute(BusinessFunction function) : Attribute
{
    public BusinessFunction Function { get; } = function;
}

public interface IPartnershipEvent
{
    Guid PartnershipId { get; }
    DateTimeOffset OccurredAt { get; }
}

// Lifecycle
[Description("Two or more registered organizations formed the partnership.")] public sealed record PartnershipFormed(Guid PartnershipId, string Name, IReadOnlyList<Guid> MemberIds, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("An organization joined the partnership.")] public sealed record MemberJoined(Guid PartnershipId, Guid OrganizationId, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("A member organization left the partnership.")] public sealed record MemberLeft(Guid PartnershipId, Guid OrganizationId, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("The partnership was put on hold.")] public sealed record PartnershipPaused(Guid PartnershipId, string? Reason, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("A paused partnership went on.")] public sealed record PartnershipResumed(Guid PartnershipId, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("The partnership ended; later facts are refused.")] public sealed record PartnershipEnded(Guid PartnershipId, string? Reason, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("A correction: an earlier fact of the stream is retracted, with the reason; both stay.")] public sealed record EventRetracted(Guid PartnershipId, Guid RetractedEventId, string RetractedEventType, string Reason, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Joint business planning
public enum JointPlanHorizon { AdHoc, Activity, Annual }
[Description("A joint business plan: ad hoc, activity-based (with KPIs) or annual.")] [EvidenceOf(BusinessFunction.JointBusinessPlanning)] public sealed record JointPlanCreated(Guid PartnershipId, JointPlanHorizon Horizon, string? Title, IReadOnlyList<string> Kpis, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("A joint plan was followed up.")] [EvidenceOf(BusinessFunction.JointBusinessPlanning)] public sealed record JointPlanReviewed(Guid PartnershipId, Guid PlanId, bool InPerson, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("The partners met, in person or remotely.")] [EvidenceOf(BusinessFunction.JointBusinessPlanning)] public sealed record PartnerMeetingHeld(Guid PartnershipId, bool InPerson, string? Topic, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("The partners' executives were briefed.")] [EvidenceOf(BusinessFunction.JointBusinessPlanning)] public sealed record ExecutiveBriefingHeld(Guid PartnershipId, string? Topic, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Leads and pipeline
public enum OpportunityStage { Opening, Assessment, Proposal, Contracts, Won, Lost }
[Description("A member passed a lead (an identified customer who expressed interest) to another member.")] [EvidenceOf(BusinessFunction.LeadsAndPipeline)] public sealed record LeadShared(Guid PartnershipId, Guid FromOrganizationId, Guid ToOrganizationId, string Customer, bool InterestExpressed, decimal? EstimatedValue, string? Campaign, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("The receiving member took the lead up: it is an opportunity now.")] [EvidenceOf(BusinessFunction.LeadsAndPipeline)] public sealed record LeadAccepted(Guid PartnershipId, Guid LeadId, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("The receiving member turned the lead down.")] [EvidenceOf(BusinessFunction.LeadsAndPipeline)] public sealed record LeadDeclined(Guid PartnershipId, Guid LeadId, string? Reason, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("An accepted lead moved to another pipeline stage.")] [EvidenceOf(BusinessFunction.LeadsAndPipeline)] public sealed record OpportunityStageChanged(Guid PartnershipId, Guid LeadId, OpportunityStage Stage, string? Contact, decimal? ForecastAmount, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("The partners reviewed their shared pipeline.")] [EvidenceOf(BusinessFunction.LeadsAndPipeline)] public sealed record PipelineReviewHeld(Guid PartnershipId, bool InPerson, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Agreement
public enum AgreementKind { Handshake, DealSpecificContract, Nda, Mou, LetterOfIntent, PartnershipAgreement, MasterServicesAgreement, SubcontractorAgreement, SupportAgreement }
[Description("An agreement (handshake to formal partnership agreement) was signed by two or more members.")] [EvidenceOf(BusinessFunction.Agreement)] public sealed record AgreementSigned(Guid PartnershipId, AgreementKind Kind, string? Title, IReadOnlyList<Guid> Parties, DateOnly? EffectiveFrom, DateOnly? ExpiresOn, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("An agreement had its (yearly) review.")] [EvidenceOf(BusinessFunction.Agreement)] public sealed record AgreementReviewed(Guid PartnershipId, Guid AgreementId, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("An agreement was ended.")] [EvidenceOf(BusinessFunction.Agreement)] public sealed record AgreementTerminated(Guid PartnershipId, Guid AgreementId, string? Reason, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("Recorded by the ledger: an agreement's yearly review came due with no newer review.")] [EvidenceOf(BusinessFunction.Agreement)] public sealed record AgreementReviewOverdue(Guid PartnershipId, Guid AgreementId, DateTimeOffset DueAt, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Sales compensation
public enum CompensationModel { AdHoc, DealSpecific, Referral, ProjectBased, CampaignBased }
[Description("How sales people are paid for partnering.")] [EvidenceOf(BusinessFunction.SalesCompensation)] public sealed record CompensationPlanRecorded(Guid PartnershipId, CompensationModel Model, bool Published, bool SharedIncentives, string? Description, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Market messaging
public enum MarketingActivityKind { OnRequest, PartnerRecognition, WebsiteVisibility, JointMessaging, JointCampaign, JointEvent }
[Description("A joint marketing activity: messaging on request, recognition, web visibility, joint messaging...")] [EvidenceOf(BusinessFunction.MarketMessaging)] public sealed record JointMarketingActivityRecorded(Guid PartnershipId, MarketingActivityKind Kind, string Description, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("A joint marketing plan with the measures it is judged by.")] [EvidenceOf(BusinessFunction.MarketMessaging)] public sealed record JointMarketingPlanAdopted(Guid PartnershipId, string Title, IReadOnlyList<string> Measures, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Geography
[Description("A member gained access to a market through another member.")] [EvidenceOf(BusinessFunction.Geography)] public sealed record MarketAccessGained(Guid PartnershipId, string Market, Guid ForOrganizationId, Guid ThroughOrganizationId, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("A plan to cover several markets together.")] [EvidenceOf(BusinessFunction.Geography)] public sealed record CoveragePlanAdopted(Guid PartnershipId, IReadOnlyList<string> Markets, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Resource utilization
[Description("One member subcontracted people to another.")] [EvidenceOf(BusinessFunction.ResourceUtilization)] public sealed record ResourcesSubcontracted(Guid PartnershipId, Guid FromOrganizationId, Guid ToOrganizationId, string? Competency, string? Opportunity, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("A member shared people (e.g. architects for sales) with another, for an opportunity or generally.")] [EvidenceOf(BusinessFunction.ResourceUtilization)] public sealed record ResourcesShared(Guid PartnershipId, Guid FromOrganizationId, Guid ToOrganizationId, string Competency, string? Opportunity, bool ForSales, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("A rate card for shared resources, one-way or both ways.")] [EvidenceOf(BusinessFunction.ResourceUtilization)] public sealed record RateCardAgreed(Guid PartnershipId, bool TwoWay, string? Description, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("A joint resource plan across several competencies.")] [EvidenceOf(BusinessFunction.ResourceUtilization)] public sealed record JointResourcePlanAdopted(Guid PartnershipId, IReadOnlyList<string> Competencies, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Readiness and certification
[Description("The partners trained together, in an overlapping area or ad hoc.")] [EvidenceOf(BusinessFunction.ReadinessAndCertification)] public sealed record JointTrainingHeld(Guid PartnershipId, string Topic, bool InOverlappingArea, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("A plan to earn certifications together.")] [EvidenceOf(BusinessFunction.ReadinessAndCertification)] public sealed record CertificationPlanAgreed(Guid PartnershipId, IReadOnlyList<string> Certifications, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("A member earned a certification.")] [EvidenceOf(BusinessFunction.ReadinessAndCertification)] public sealed record CertificationEarned(Guid PartnershipId, Guid OrganizationId, string Certification, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Product and customer support
[Description("A customer's support case was logged; its event id identifies the case.")] [EvidenceOf(BusinessFunction.ProductAndCustomerSupport)] public sealed record SupportCaseLogged(Guid PartnershipId, string Customer, string Summary, Guid ReportedByOrganizationId, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("A support case was resolved, proactively or as reported.")] [EvidenceOf(BusinessFunction.ProductAndCustomerSupport)] public sealed record SupportCaseResolved(Guid PartnershipId, Guid CaseId, bool Proactive, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("A member named its single point of contact (SPOC) for support.")] [EvidenceOf(BusinessFunction.ProductAndCustomerSupport)] public sealed record SupportContactAssigned(Guid PartnershipId, Guid OrganizationId, string Contact, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("The partners reviewed customer and product issues.")] [EvidenceOf(BusinessFunction.ProductAndCustomerSupport)] public sealed record SupportReviewHeld(Guid PartnershipId, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("The partners adopted a shared CRM to track customer issues.")] [EvidenceOf(BusinessFunction.ProductAndCustomerSupport)] public sealed record SharedCrmAdopted(Guid PartnershipId, string System, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Customer relationships and satisfaction
[Description("A 1:1 meeting with a customer about their partnering experience.")] [EvidenceOf(BusinessFunction.CustomerRelationshipsAndSatisfaction)] public sealed record CustomerMeetingHeld(Guid PartnershipId, string Customer, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("A customer's answers to the CSAT survey template, on its 4-point scale.")] [EvidenceOf(BusinessFunction.CustomerRelationshipsAndSatisfaction)] public sealed record CsatSurveyLogged(Guid PartnershipId, string Customer, string Project, string? ProjectNumber, IReadOnlyList<CsatAnswer> Answers, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("A member shared a customer reference with another.")] [EvidenceOf(BusinessFunction.CustomerRelationshipsAndSatisfaction)] public sealed record CustomerReferenceShared(Guid PartnershipId, Guid FromOrganizationId, Guid ToOrganizationId, string Customer, DateTimeOffset OccurredAt) : IPartnershipEvent;
[Description("The partners took joint responsibility for a customer issue, regardless of fault.")] [EvidenceOf(BusinessFunction.CustomerRelationshipsAndSatisfaction)] public sealed record CustomerIssueJointlyOwned(Guid PartnershipId, string Customer, string Issue, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Self-assessment: one member organization answers one function's questionnaire; scored when recorded.
[Description("A member answered one function's questionnaire about itself; scored when recorded.")] public sealed record SelfAssessmentRecorded(Guid PartnershipId, Guid OrganizationId, BusinessFunction Function, IReadOnlyList<bool> Answers, int YesCount, MaturityLevel Level, string ModelVersion, DateTimeOffset OccurredAt) : IPartnershipEvent;
