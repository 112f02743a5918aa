using PartnershipLedger.Maturity;
using PartnershipLedger.Partnerships;
using static PartnershipLedger.Model.BusinessFunction;
using static PartnershipLedger.Model.MaturityLevel;
using static PartnershipLedger.Tests.Maturity.Evidence;

namespace PartnershipLedger.Tests.Maturity;

/// <summary>Rise and decay at the exact instants, back-filling and retraction, on the pure evaluator.</summary>
public sealed class MaturityOverTimeTests
{
    private static readonly Guid P = PartnershipId;

    [Fact]
    public void Evidence_counts_from_the_instant_it_happens_until_the_instant_it_leaves_the_window()
    {
        var partnership = new Evidence();
        var shared = Day(2024, 3, 1);
        partnership.Add(new LeadShared(P, Contoso, Fabrikam, "Acad", true, null, null, shared));

        Assert.Equal(Basic, partnership.LevelAt(LeadsAndPipeline, shared.AddTicks(-1)));
        Assert.Equal(Reactive, partnership.LevelAt(LeadsAndPipeline, shared));
        Assert.Equal(Reactive, partnership.LevelAt(LeadsAndPipeline, shared.AddMonths(12).AddTicks(-1)));
        Assert.Equal(Basic, partnership.LevelAt(LeadsAndPipeline, shared.AddMonths(12)));
    }

    [Fact]
    public void New_evidence_before_expiry_keeps_the_level_without_a_change()
    {
        var partnership = new Evidence();
        partnership.Add(new CustomerMeetingHeld(P, "Acad", Day(2024, 2, 1)));
        partnership.Add(new CustomerMeetingHeld(P, "Acad", Day(2024, 12, 1)));

        var history = partnership.History(CustomerRelationshipsAndSatisfaction);

        Assert.Equal([Basic, Reactive, Basic], history.Select(change => change.To));
        Assert.Equal(Day(2025, 12, 1), history[^1].At);
    }

    [Fact]
    public void A_partnership_agreement_falls_back_to_proactive_a_year_after_its_last_review_if_a_letter_of_intent_still_stands()
    {
        var partnership = new Evidence();
        partnership.Add(new AgreementSigned(P, AgreementKind.LetterOfIntent, null, [Contoso, Fabrikam], null, null, Day(2024, 1, 10)));
        var agreement = partnership.Add(new AgreementSigned(P, AgreementKind.PartnershipAgreement, null, [Contoso, Fabrikam], null, null, Day(2024, 3, 1)));
        partnership.Add(new AgreementReviewed(P, agreement, Day(2025, 2, 1)));

        Assert.Equal(Dynamic, partnership.LevelAt(Agreement, Day(2026, 1, 31)));
        Assert.Equal(Proactive, partnership.LevelAt(Agreement, Day(2026, 2, 1)));
        var drop = partnership.History(Agreement)[^1];
        Assert.Equal((Dynamic, Proactive, (Guid?)null), (drop.From!.Value, drop.To, drop.CauseEventId));
    }

    [Fact]
    public void Terminating_an_agreement_drops_the_level_at_that_instant_and_names_the_termination_as_cause()
    {
        var partnership = new Evidence();
        var mou = partnership.Add(new AgreementSigned(P, AgreementKind.Mou, null, [Contoso, Fabrikam], null, null, Day(2024, 2, 1)));
        var terminated = partnership.Add(new AgreementTerminated(P, mou, null, Day(2024, 5, 1)));

        var drop = partnership.History(Agreement)[^1];

        Assert.Equal((Day(2024, 5, 1), Basic, (Guid?)terminated), (drop.At, drop.To, drop.CauseEventId));
        Assert.Contains("AgreementTerminated", Evidence.Evaluator.Reason(drop));
    }

    [Fact]
    public void A_back_filled_fact_reshapes_the_history_but_the_ledger_as_known_before_it_does_not_see_it()
    {
        var partnership = new Evidence();
        var recordedLate = Day(2024, 9, 1);
        partnership.Add(new JointTrainingHeld(P, "Teams", false, Day(2024, 2, 1)), recordedAt: recordedLate);

        Assert.Equal(Reactive, partnership.LevelAt(ReadinessAndCertification, Day(2024, 3, 1)));
        Assert.Equal(Basic, partnership.LevelAt(ReadinessAndCertification, Day(2024, 3, 1), knownAt: recordedLate.AddTicks(-1)));
    }

    [Fact]
    public void A_retracted_fact_no_longer_counts_but_did_count_before_the_retraction_was_recorded()
    {
        var partnership = new Evidence();
        var training = partnership.Add(new JointTrainingHeld(P, "Teams", true, Day(2024, 2, 1)));
        var retractedAt = Day(2024, 4, 1);
        partnership.Add(new EventRetracted(P, training, nameof(JointTrainingHeld), "wrong partnership", retractedAt));

        Assert.Equal(Basic, partnership.LevelAt(ReadinessAndCertification, Day(2024, 3, 1)));
        Assert.Equal(Proactive, partnership.LevelAt(ReadinessAndCertification, Day(2024, 3, 1), knownAt: retractedAt.AddTicks(-1)));
        Assert.DoesNotContain(partnership.History(ReadinessAndCertification), change => change.To == Proactive);
    }

    [Fact]
    public void The_look_back_window_is_configurable()
    {
        var rules = EvidenceRulesLoader.Load(Hosting.RepositoryFiles.Schema("evidence-rules.json"), lookBackOverride: "P6M");
        var partnership = new Evidence();
        partnership.Add(new CustomerMeetingHeld(P, "Acad", Day(2024, 2, 1)));

        var view = new MaturityEvaluator.View(partnership.Document, null);
        Assert.Equal(Reactive, new MaturityEvaluator(rules).EvidencedLevel(view, CustomerRelationshipsAndSatisfaction, Day(2024, 7, 31)));
        Assert.Equal(Basic, new MaturityEvaluator(rules).EvidencedLevel(view, CustomerRelationshipsAndSatisfaction, Day(2024, 8, 1)));
    }

    [Fact]
    public void The_assessed_level_is_the_lowest_of_the_members_latest_self_assessments()
    {
        var partnership = new Evidence();
        partnership.Add(new SelfAssessmentRecorded(P, Contoso, Geography, [], 9, Dynamic, "1.0.0", Day(2024, 2, 1)));
        partnership.Add(new SelfAssessmentRecorded(P, Fabrikam, Geography, [], 3, Proactive, "1.0.0", Day(2024, 3, 1)));
        partnership.Add(new SelfAssessmentRecorded(P, Fabrikam, Geography, [], 1, Reactive, "1.0.0", Day(2024, 4, 1)));

        var assessed = Evaluator.History(partnership.Document).Where(c => c.Function == Geography && c.Basis == MaturityBasis.Assessed).ToList();

        Assert.Equal([Dynamic, Proactive, Reactive], assessed.Select(change => change.To));
    }
}
