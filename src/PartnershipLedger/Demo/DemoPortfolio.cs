using PartnershipLedger.Assessments;
using PartnershipLedger.Functions.Agreement;
using PartnershipLedger.Functions.CustomerRelationships;
using PartnershipLedger.Functions.Geography;
using PartnershipLedger.Functions.JointBusinessPlanning;
using PartnershipLedger.Functions.LeadsAndPipeline;
using PartnershipLedger.Functions.MarketMessaging;
using PartnershipLedger.Functions.ProductAndCustomerSupport;
using PartnershipLedger.Functions.ReadinessAndCertification;
using PartnershipLedger.Functions.ResourceUtilization;
using PartnershipLedger.Functions.SalesCompensation;
using PartnershipLedger.Model;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;
using static PartnershipLedger.Demo.DemoProfile;
using static PartnershipLedger.Model.BusinessFunction;
using static PartnershipLedger.Model.MaturityLevel;

namespace PartnershipLedger.Demo;

/// <summary>
/// A believable demo portfolio, generated purely: about 30 organizations of every partner type in a few home regions,
/// three circles of trust, and partnerships with two to three years of history each, told as stories
/// (<see cref="DemoProfile"/>) so that maturity rises, holds, decays by expiry, pauses and stops; members assess
/// themselves (some optimistically); one or two mistaken facts are retracted. The same seed and "now" give the same
/// plan; <see cref="DemoLoader"/> records it through the same commands the API sends.
/// </summary>
public static class DemoPortfolio
{
    public const int DefaultSeed = 2026;
    public const int DefaultPartnerships = 100;

    /// <summary>The demo's own cast (30 organizations) has enough distinct pairs for this many partnerships; larger portfolios get more organizations.</summary>
    public const int MaxPartnerships = 200;

    /// <summary>Partnerships per organization beyond the demo's own cast: portfolios of thousands of partnerships get one organization per five.</summary>
    private const int PartnershipsPerOrganization = 5;

    /// <summary>The profiles repeat in this order, so any first six partnerships show every one of them.</summary>
    private static readonly DemoProfile[] ProfileCycle = [Maturing, Steady, Decaying, Maturing, Ended, Paused, Maturing, Steady, Decaying, Maturing];

    /// <summary>The functions beyond planning, leads and agreement; each partnership works on a few of them, in rotation, so every one is shown.</summary>
    private static readonly BusinessFunction[] Extras =
        [SalesCompensation, MarketMessaging, Geography, ResourceUtilization, ReadinessAndCertification, ProductAndCustomerSupport, CustomerRelationshipsAndSatisfaction];

    private enum Rhythm { Weekly, Monthly, Quarterly }

    /// <param name="years">How far back histories go: partnerships are formed between two thirds of that and all of it ago.</param>
    public static DemoPlan Generate(MaturityModel model, DateTimeOffset now, int partnerships = DefaultPartnerships, int seed = DefaultSeed, int years = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(partnerships);
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 2);
        var clock = new DemoClock(seed, now);
        var setup = new List<DemoStep>();
        var cast = partnerships <= MaxPartnerships ? DemoCast.Size : Math.Max(DemoCast.Size, partnerships / PartnershipsPerOrganization);
        var organizations = DemoCast.Register(clock, now.AddMonths(-(12 * years + 1)), setup, cast);
        var circles = DemoCast.CircleOf();

        var pairs = new HashSet<(Guid, Guid)>();
        var extrasCursor = 0;
        var result = new List<DemoPartnership>();
        for (var index = 0; index < partnerships; index++)
        {
            var profile = ProfileCycle[index % ProfileCycle.Length];
            var (first, second) = ChoosePair(clock, organizations, circles, pairs);
            var formedAt = clock.BusinessTime(now.AddDays(-clock.Random.Next(245 * years, 363 * years + 1)));
            var script = new DemoScript(clock, $"{first.Name} + {second.Name}", profile, [first, second], formedAt);
            var extras = Enumerable.Range(extrasCursor, profile == Decaying ? 2 : 3).Select(i => Extras[i % Extras.Length]).ToList();
            extrasCursor += extras.Count;
            new Story(script, model, index, profile, extras, organizations, circles).Tell();
            result.Add(script.Build(clock.NewId(), $"demo-{seed}-p{index:000}"));
        }
        return new DemoPlan(seed, now, setup, result);
    }

    /// <summary>Two organizations not yet partnered, of different partner types; often from the same circle of trust.</summary>
    private static (DemoOrganization, DemoOrganization) ChoosePair(
        DemoClock clock, IReadOnlyList<DemoOrganization> organizations, IReadOnlyDictionary<string, string> circles, HashSet<(Guid, Guid)> pairs)
    {
        for (var attempt = 0; ; attempt++)
        {
            var first = clock.Pick(organizations);
            var candidates = organizations.Where(other => other != first && (attempt > 50 || !other.Types.Intersect(first.Types).Any())).ToList();
            if (circles.TryGetValue(first.Name, out var circle) && clock.Chance(0.4))
            {
                var mates = candidates.Where(other => circles.GetValueOrDefault(other.Name) == circle).ToList();
                if (mates.Count > 0) candidates = mates;
            }
            if (candidates.Count == 0) continue;
            var second = clock.Pick(candidates);
            var key = first.Id.CompareTo(second.Id) < 0 ? (first.Id, second.Id) : (second.Id, first.Id);
            if (pairs.Add(key)) return (first, second);
        }
    }

    /// <summary>One partnership's story: its lifecycle first (end, hold, a third member), then each function's facts.</summary>
    private sealed class Story(
        DemoScript s, MaturityModel model, int index, DemoProfile profile, IReadOnlyList<BusinessFunction> extras,
        IReadOnlyList<DemoOrganization> organizations, IReadOnlyDictionary<string, string> circles)
    {
        private readonly DemoClock clock = s.Clock;
        private Random Random => s.Random;
        private DemoOrganization A => s.First;
        private DemoOrganization B => s.Second;

        /// <summary>How many months of the partnership's history are active: decaying ones stop early.</summary>
        private double activeMonths;

        /// <summary>Rich stories are written over 28 months and stretched or squeezed to the active time: they end fresh, or stop.</summary>
        private double scale = 1;

        public void Tell()
        {
            Lifecycle();
            activeMonths = profile == Decaying ? 9 + Random.NextDouble() * 4 : s.Months;
            if (Rich) scale = activeMonths / 28;

            Agreements();
            Planning();
            Leads();
            foreach (var function in extras)
            {
                switch (function)
                {
                    case SalesCompensation: Compensation(); break;
                    case MarketMessaging: Marketing(); break;
                    case Geography: Markets(); break;
                    case ResourceUtilization: Resources(); break;
                    case ReadinessAndCertification: Readiness(); break;
                    case ProductAndCustomerSupport: Support(); break;
                    case CustomerRelationshipsAndSatisfaction: CustomerCare(); break;
                }
            }
            SelfAssessments();
            Corrections();
        }

        private bool Rich => profile is Maturing or Decaying or Ended;

        /// <summary>A business time at story month <paramref name="month"/>, squeezed for short-lived stories.</summary>
        private DateTimeOffset At(double month) => s.Month(month * scale);

        private bool Active(double month) => month * scale < activeMonths;

        /// <summary>A function's fact, left out after the active time (decaying partnerships fall silent).</summary>
        private bool Record(DateTimeOffset at, PartnershipCommand command, DemoOrganization? actor = null, params Guid?[] needs) =>
            InActiveTime(at) && s.Record(at, command, actor, needs);

        private Guid? Create(DateTimeOffset at, PartnershipCommand command, DemoOrganization? actor = null, params Guid?[] needs) =>
            InActiveTime(at) ? s.Create(at, command, actor, needs) : null;

        private bool InActiveTime(DateTimeOffset at) => (at - s.FormedAt).TotalDays / 30.44 < activeMonths;

        private void Lifecycle()
        {
            if (profile == Ended)
                s.End(s.Month(15 + Random.NextDouble() * 7), clock.Pick(EndReasons));
            if (profile == Paused)
            {
                if (index / ProfileCycle.Length % 2 == 0)
                {
                    var from = s.Month(11 + Random.NextDouble() * 4);
                    s.Pause(from, clock.DaysAfter(from, 90, 150), clock.Pick(PauseReasons));
                }
                else s.Pause(s.Month(s.Months - 3 - Random.NextDouble() * 2), null, clock.Pick(PauseReasons));
            }
            if (profile == Maturing && index % ProfileCycle.Length == 6)
            {
                var circle = circles.GetValueOrDefault(A.Name);
                var third = clock.Pick(organizations.Where(o => o != A && o != B && (circle is null || circles.GetValueOrDefault(o.Name) == circle)).ToList());
                s.Join(s.Month(8 + Random.NextDouble() * 3), third);
            }
        }

        // Agreement: MOU -> letter of intent -> partnership agreement reviewed yearly (maturing); an NDA and an MOU
        // reviewed yearly (steady); a partnership agreement left unreviewed (decaying).
        private void Agreements()
        {
            switch (profile)
            {
                case Maturing:
                {
                    var mou = Sign(At(0.5), AgreementKind.Mou, "Memorandum of understanding");
                    var letter = Sign(At(5 + Random.NextDouble() * 3), AgreementKind.LetterOfIntent, "Letter of intent: joint go-to-market");
                    var formalAt = At(12 + Random.NextDouble() * 4);
                    var formal = Sign(formalAt, Random.Next(3) == 0 ? AgreementKind.MasterServicesAgreement : AgreementKind.PartnershipAgreement, "Partnership agreement");
                    Record(clock.DaysAfter(formalAt, 2, 10), new TerminateAgreement(mou ?? default, "Superseded by the partnership agreement"), needs: mou);
                    Record(clock.DaysAfter(formalAt, 2, 10), new TerminateAgreement(letter ?? default, "Superseded by the partnership agreement"), needs: letter);
                    ReviewYearly(formal, formalAt, days: (320, 355));
                    break;
                }
                case Steady:
                {
                    var ndaAt = At(0.3);
                    Sign(ndaAt, AgreementKind.Nda, "Mutual NDA", expiresOn: DateOnly.FromDateTime(ndaAt.AddYears(5).UtcDateTime));
                    var mouAt = At(2);
                    ReviewYearly(Sign(mouAt, AgreementKind.Mou, "Memorandum of understanding"), mouAt, days: (330, 364));
                    break;
                }
                case Decaying:
                {
                    Sign(At(0.5), AgreementKind.Mou, "Memorandum of understanding");
                    Sign(At(2 + Random.NextDouble() * 2), AgreementKind.PartnershipAgreement, "Partnership agreement");
                    break;
                }
                case Paused:
                {
                    var letterAt = At(1);
                    ReviewYearly(Sign(letterAt, AgreementKind.LetterOfIntent, "Letter of intent"), letterAt, days: (300, 360));
                    break;
                }
                case Ended:
                {
                    var handshake = Sign(At(0.5), AgreementKind.Handshake, "Handshake on first joint deals");
                    var subcontractAt = At(4);
                    var subcontract = Sign(subcontractAt, AgreementKind.SubcontractorAgreement, "Subcontractor agreement",
                        expiresOn: DateOnly.FromDateTime(subcontractAt.AddYears(3).UtcDateTime));
                    var endsAt = s.Limit.AddDays(-Random.Next(3, 10));
                    Record(endsAt, new TerminateAgreement(subcontract ?? default, "The partnership is ending"), needs: subcontract);
                    Record(endsAt.AddHours(1), new TerminateAgreement(handshake ?? default, "The partnership is ending"), needs: handshake);
                    break;
                }
            }
        }

        private Guid? Sign(DateTimeOffset at, AgreementKind kind, string title, DateOnly? expiresOn = null) =>
            Create(at, new SignAgreement(kind, title, [.. s.MembersAt(at).Select(member => member.Id)], DateOnly.FromDateTime(at.UtcDateTime), expiresOn));

        private void ReviewYearly(Guid? agreement, DateTimeOffset signedAt, (int Min, int Max) days)
        {
            for (var at = clock.DaysAfter(signedAt, days.Min, days.Max); s.IsActiveAt(at); at = clock.DaysAfter(at, days.Min, days.Max))
                Record(at, new ReviewAgreement(agreement ?? default), needs: agreement);
        }

        // Joint business planning: ad hoc -> activity plan with KPIs -> annual plans reviewed quarterly with executive
        // briefings (maturing); an activity plan renewed yearly (steady); meetings at the partnership's rhythm.
        private void Planning()
        {
            var rhythm = profile switch
            {
                Maturing => (index / 3 % 3) switch { 0 => Rhythm.Monthly, 1 => Rhythm.Weekly, _ => Rhythm.Quarterly },
                Steady => index % 4 == 1 ? Rhythm.Quarterly : Rhythm.Monthly,
                Decaying => Rhythm.Monthly,
                _ => Rhythm.Quarterly,
            };
            Meetings(rhythm);

            if (Rich)
            {
                Create(At(0.7), new CreateJointPlan("AD_HOC", [], "Kick-off: first joint opportunities"));
                Create(At(4 + Random.NextDouble() * 2), new CreateJointPlan("ACTIVITY", [clock.Pick(Kpis), "2 joint webinars"], $"{clock.Pick(Campaigns)} activity plan"));
                // Annual plans follow each other by a year, however the story is stretched.
                for (var planAt = At(11.5); InActiveTime(planAt); planAt = clock.DaysAfter(planAt, 345, 360))
                {
                    var plan = Create(planAt, new CreateJointPlan("ANNUAL", [.. Kpis.OrderBy(_ => Random.Next()).Take(3)], $"FY{planAt.Year + 1} joint business plan"));
                    Record(clock.DaysAfter(planAt, 7, 30), new HoldExecutiveBriefing($"FY{planAt.Year + 1} plan with both executive sponsors"));
                    var review = planAt;
                    for (var quarter = 0; quarter < 4; quarter++)
                    {
                        review = clock.DaysAfter(review, 70, 84);
                        Record(review, new ReviewJointPlan(plan ?? default, clock.Chance(0.35)), needs: plan);
                    }
                }
            }
            else
            {
                for (var year = 0; Active(12 * year + 1.5); year++)
                {
                    var planAt = At(12 * year + 1.5);
                    var plan = Create(planAt, new CreateJointPlan("ACTIVITY", [clock.Pick(Kpis)], $"{clock.Pick(Campaigns)} activity plan"));
                    Record(clock.DaysAfter(planAt, 150, 200), new ReviewJointPlan(plan ?? default, false), needs: plan);
                }
            }
        }

        /// <summary>
        /// Partner meetings. Quarterly ones meet every quarter, monthly ones monthly in their last eight months, weekly
        /// ones weekly in their last three months. Rich stories hold quarterly plan and pipeline
        /// reviews after their first year, so their partner meetings fill only the first year and the faster rhythm.
        /// Decaying partnerships meet monthly while they are active.
        /// </summary>
        private void Meetings(Rhythm rhythm)
        {
            var end = Math.Min(activeMonths, s.Months);
            var quarterlyUntil = Rich && profile != Decaying ? 12 : end;
            var weeklyFrom = rhythm == Rhythm.Weekly ? end - 3 : double.MaxValue;
            var monthlyFrom = rhythm switch { Rhythm.Quarterly => double.MaxValue, Rhythm.Weekly => weeklyFrom, _ => profile == Decaying ? 0 : end - 8 };
            var at = s.Month(0.3 + Random.NextDouble());
            while (true)
            {
                var month = (at - s.FormedAt).TotalDays / 30.44;
                if (month >= end) break;
                if (month < quarterlyUntil || month >= monthlyFrom)
                    Record(at, new HoldPartnerMeeting(clock.Chance(0.3), clock.Pick(MeetingTopics)));
                at = month >= weeklyFrom ? clock.DaysAfter(at, 6, 8)
                    : month >= monthlyFrom ? clock.DaysAfter(at, 26, 34)
                    : clock.DaysAfter(at, 80, 95);
            }
        }

        // Leads and pipeline: an ad-hoc lead, then campaign leads followed through the pipeline stages, both ways, with
        // scheduled pipeline reviews (maturing); ad-hoc leads now and then (steady).
        private void Leads()
        {
            if (Rich)
            {
                Lead(At(2), B, A, campaign: null, stages: []);
                Lead(At(7), A, B, clock.Pick(Campaigns), [OpportunityStage.Opening, OpportunityStage.Won]);
                Lead(At(13), B, A, clock.Pick(Campaigns), [OpportunityStage.Opening]);
                Lead(At(19), A, B, clock.Pick(Campaigns), stages: null);
                Lead(At(24), B, A, clock.Pick(Campaigns), [OpportunityStage.Proposal]);
                for (var month = 8.0; Active(month); month += 6.5)
                    Record(At(month), new HoldPipelineReview(clock.Chance(0.4)));
            }
            else
            {
                var from = A;
                for (var month = 3 + Random.NextDouble() * 2; Active(month); month += 6 + Random.NextDouble() * 2)
                {
                    var campaign = profile == Paused && month > 10 && month < 20 ? clock.Pick(Campaigns) : null;
                    Lead(At(month), from, from == A ? B : A, campaign, clock.Chance(0.8) ? (campaign is null ? [] : [OpportunityStage.Opening]) : null);
                    from = from == A ? B : A;
                }
            }
        }

        /// <summary>A lead from one member to another, accepted and taken through <paramref name="stages"/>, or declined when <paramref name="stages"/> is null.</summary>
        private void Lead(DateTimeOffset at, DemoOrganization from, DemoOrganization to, string? campaign, OpportunityStage[]? stages)
        {
            var members = s.MembersAt(at);
            if (!members.Contains(from) || !members.Contains(to)) return;
            var value = 5_000m * Random.Next(2, 60);
            var lead = Create(at, new ShareLead(from.Id, to.Id, clock.Pick(Customers), true, value, campaign), actor: from);
            var answeredAt = clock.DaysAfter(at, 1, 6);
            if (stages is null)
            {
                Record(answeredAt, new DeclineLead(lead ?? default, clock.Pick(DeclineReasons)), actor: to, needs: lead);
                return;
            }
            if (!Record(answeredAt, new AcceptLead(lead ?? default), actor: to, needs: lead)) return;
            var stageAt = answeredAt;
            foreach (var stage in stages)
            {
                stageAt = clock.DaysAfter(stageAt, 10, 45);
                if (!Record(stageAt, new ChangeOpportunityStage(lead ?? default, stage, to.People[0], stage == OpportunityStage.Won ? value : value * 0.6m), actor: to, needs: lead))
                    return;
            }
        }

        private void Compensation()
        {
            if (Rich)
            {
                Record(At(3), new RecordCompensationPlan(CompensationModel.AdHoc, false, false, "Finder's fee agreed deal by deal"));
                Record(At(11), new RecordCompensationPlan(CompensationModel.Referral, true, false, "10% referral fee, published on both intranets"));
                Record(At(21), new RecordCompensationPlan(CompensationModel.CampaignBased, true, true, "Shared SPIF on the joint campaign for both sales teams"));
            }
            else
                for (var month = 2.0; Active(month); month += 11.5)
                    Record(At(month), new RecordCompensationPlan(CompensationModel.DealSpecific, false, false, "Revenue split agreed per opportunity"));
        }

        private void Marketing()
        {
            if (Rich)
            {
                Record(At(3), new RecordJointMarketingActivity(MarketingActivityKind.OnRequest, $"{B.Name} slide added to {A.Name}'s customer deck on request"));
                Record(At(9), new RecordJointMarketingActivity(MarketingActivityKind.WebsiteVisibility, "Joint solution page and partner logos on both websites"));
                var planAt = At(16);
                Record(planAt, new AdoptJointMarketingPlan($"FY{planAt.Year + 1} joint marketing plan", ["Marketing-qualified leads per quarter", "Event attendance", "Pipeline sourced"]));
                Record(At(17), new RecordJointMarketingActivity(MarketingActivityKind.JointCampaign, $"Joint campaign: {clock.Pick(Campaigns)}"));
                Record(At(26), new RecordJointMarketingActivity(MarketingActivityKind.JointEvent, "Joint customer roundtable"));
            }
            else
            {
                Record(At(2), new RecordJointMarketingActivity(MarketingActivityKind.OnRequest, $"{A.Name} case study shared with {B.Name} on request"));
                Record(At(12), new RecordJointMarketingActivity(MarketingActivityKind.PartnerRecognition, $"{B.Name} named partner of the year at {A.Name}'s kick-off"));
                Record(At(24), new RecordJointMarketingActivity(MarketingActivityKind.OnRequest, "Co-branded one-pager on request"));
            }
        }

        private void Markets()
        {
            if (Rich)
            {
                Record(At(10), new RecordMarketAccess(Market(B, 0), A.Id, B.Id));
                Record(At(18), new AdoptCoveragePlan([Market(A, 1), Market(B, 0), Market(B, 1)]));
                Record(At(19), new RecordMarketAccess(Market(A, 1), B.Id, A.Id));
                Record(At(30), new RecordMarketAccess(Market(B, 1), A.Id, B.Id));
            }
            else
            {
                Record(At(6), new RecordMarketAccess(Market(B, 0), A.Id, B.Id));
                Record(At(20), new RecordMarketAccess(Market(B, 0), A.Id, B.Id));
            }
        }

        private string Market(DemoOrganization organization, int which) =>
            $"{RegionNames.GetValueOrDefault(organization.Region, organization.Region)} {Verticals[(organization.Name.Length + which * 3) % Verticals.Length]}";

        private void Resources()
        {
            if (Rich)
            {
                Record(At(4), new SubcontractResources(B.Id, A.Id, "Project management", clock.Pick(Customers)));
                Record(At(6), new ShareResources(A.Id, B.Id, clock.Pick(Competencies), clock.Pick(Customers), false));
                Record(At(12), new AgreeRateCard(true, "Rate card for subcontracted consultants, both ways"));
                Record(At(13), new ShareResources(B.Id, A.Id, "Azure architecture", clock.Pick(Customers), true));
                Record(At(21), new AdoptJointResourcePlan([.. Competencies.OrderBy(_ => Random.Next()).Take(3)]));
            }
            else
            {
                Record(At(3), new SubcontractResources(A.Id, B.Id, clock.Pick(Competencies), clock.Pick(Customers)));
                Record(At(10), new ShareResources(B.Id, A.Id, clock.Pick(Competencies), clock.Pick(Customers), false));
                Record(At(22), new ShareResources(A.Id, B.Id, clock.Pick(Competencies), clock.Pick(Customers), false));
            }
        }

        private void Readiness()
        {
            if (Rich)
            {
                Record(At(3), new HoldJointTraining($"{A.Name} product introduction for {B.Name}", false));
                Record(At(10), new HoldJointTraining(clock.Pick(TrainingTopics), true));
                var certifications = Certifications.OrderBy(_ => Random.Next()).Take(2).ToList();
                Record(At(17), new AgreeCertificationPlan(certifications));
                Record(At(20), new RecordCertificationEarned(A.Id, certifications[0]));
                Record(At(23), new RecordCertificationEarned(B.Id, certifications[1]));
            }
            else
                for (var month = 4.0; Active(month); month += 11)
                    Record(At(month), new HoldJointTraining(clock.Pick(TrainingTopics), month > 12 && clock.Chance(0.5)));
        }

        private void Support()
        {
            if (Rich)
            {
                SupportCase(At(4), proactive: false);
                Record(At(9), new AssignSupportContact(A.Id, A.People[1]));
                Record(At(10), new HoldSupportReview());
                Record(At(18), new AdoptSharedCrm(clock.Pick(CrmSystems)));
                Record(At(19), new AssignSupportContact(B.Id, B.People[1]));
                SupportCase(At(20), proactive: true);
                Record(At(22), new HoldSupportReview());
            }
            else
                for (var month = 3.0; Active(month); month += 11)
                    SupportCase(At(month), proactive: false);
        }

        private void SupportCase(DateTimeOffset at, bool proactive)
        {
            var reporter = clock.Pick(s.MembersAt(at));
            var supportCase = Create(at, new LogSupportCase(clock.Pick(Customers), clock.Pick(SupportIssues), reporter.Id), actor: reporter);
            Record(at.AddHours(Random.Next(3, 50)), new ResolveSupportCase(supportCase ?? default, proactive), needs: supportCase);
        }

        private void CustomerCare()
        {
            if (Rich)
            {
                Record(At(4), new HoldCustomerMeeting(clock.Pick(Customers)));
                Survey(At(9));
                Record(At(11), new ShareCustomerReference(A.Id, B.Id, clock.Pick(Customers)));
                Record(At(19), new TakeJointOwnershipOfCustomerIssue(clock.Pick(Customers), "Integration outage after an upgrade: both teams on the bridge until fixed"));
                Survey(At(21));
                Record(At(23), new ShareCustomerReference(B.Id, A.Id, clock.Pick(Customers)));
            }
            else
            {
                for (var month = 3.0; Active(month); month += 11.5)
                    Record(At(month), new HoldCustomerMeeting(clock.Pick(Customers)));
                Survey(At(15));
            }
        }

        private Guid? Survey(DateTimeOffset at)
        {
            var (low, high) = profile switch { Maturing => (1, 4), Steady or Paused => (1, 3), _ => (0, 2) };
            var answers = model.CsatSurvey.Questions.Select(_ => (CsatAnswer)Random.Next(low, high)).ToList();
            return Create(at, new LogCsatSurvey(clock.Pick(Customers), $"{clock.Pick(Competencies)} project", $"PRJ-{Random.Next(1000, 9999)}", answers));
        }

        /// <summary>
        /// Both members assess planning and leads early on, and leads again recently. Maturing partnerships assess
        /// themselves about right; the others are optimistic, decaying ones most, so the gap to the evidence shows.
        /// </summary>
        private void SelfAssessments()
        {
            var (early, recent) = profile switch
            {
                Maturing => ((Proactive, Reactive, Reactive), (Dynamic, Proactive)),
                Steady => ((Reactive, Reactive, Proactive), (Dynamic, Dynamic)),
                Decaying => ((Proactive, Proactive, Proactive), (Dynamic, Proactive)),
                Paused => ((Reactive, Reactive, Reactive), (Proactive, Reactive)),
                _ => ((Proactive, Reactive, Reactive), (Proactive, Proactive)),
            };
            Assess(s.Month(5), A, JointBusinessPlanning, early.Item1);
            Assess(s.Month(5.2), A, LeadsAndPipeline, early.Item2);
            Assess(s.Month(5.5), B, JointBusinessPlanning, early.Item3);
            var lastMonth = s.Months - 1 - Random.NextDouble() * 2;
            Assess(s.Month(lastMonth), A, LeadsAndPipeline, recent.Item1);
            Assess(s.Month(lastMonth + 0.2), B, LeadsAndPipeline, recent.Item2);
        }

        private void Assess(DateTimeOffset at, DemoOrganization member, BusinessFunction function, MaturityLevel level)
        {
            var questionnaire = model.Function(function).Assessment;
            var counts = Enumerable.Range(0, questionnaire.Questions.Count + 1).Where(count => questionnaire.LevelForYesCount(count) == level).ToList();
            var yes = counts.Count == 0 ? 0 : clock.Pick(counts);
            var chosen = Enumerable.Range(0, questionnaire.Questions.Count).OrderBy(_ => Random.Next()).Take(yes).ToHashSet();
            s.Record(at, new RecordSelfAssessment(member.Id, function, [.. Enumerable.Range(0, questionnaire.Questions.Count).Select(chosen.Contains)]), actor: member);
        }

        /// <summary>The portfolio's mistakes, corrected by retraction: a meeting entered twice, a lead shared in the wrong partnership.</summary>
        private void Corrections()
        {
            if (index == 1)
            {
                var at = s.Month(7);
                var entered = s.Create(at, new HoldPartnerMeeting(false, "Quarterly catch-up"), actor: A);
                var twice = s.Create(at.AddMinutes(20), new HoldPartnerMeeting(false, "Quarterly catch-up"), actor: B, needs: entered);
                s.Record(clock.DaysAfter(at, 1, 3), new RetractEvent(twice ?? default, $"Entered twice: {A.Name} had already recorded this meeting"), actor: B, needs: twice);
            }
            if (index == 3)
            {
                var at = s.Month(9);
                var lead = s.Create(at, new ShareLead(A.Id, B.Id, clock.Pick(Customers), true, 40_000m, null), actor: A);
                s.Record(clock.DaysAfter(at, 1, 2), new RetractEvent(lead ?? default, "Recorded in the wrong partnership: the lead went to another partner"), actor: A, needs: lead);
            }
        }
    }

    private static readonly string[] Customers =
    [
        "Acme Logistics", "Bellevue Dental Group", "Cascade Outfitters", "Dunmore Foods", "Elm Street Clinics", "Fjord Shipping",
        "Granite Credit Union", "Harbor Freight Lines", "Ironwood School District", "Juniper Hotels", "Kestrel Manufacturing",
        "Lakeside Hospital", "Meridian Energy", "Nordvik Retail", "Oakridge County", "Pinecrest Insurance", "Quayside Ports",
        "Redwood Legal", "Sundance Media", "Tundra Mining", "Umber Architects", "Valley Water District", "Westfield Stores",
    ];

    private static readonly string[] Campaigns =
    [
        "Secure the hybrid workforce", "Copilot readiness sprint", "Cloud migration spring offer", "Data estate modernization",
        "SMB security bundle", "Back-to-school devices", "Modern service desk",
    ];

    private static readonly string[] Kpis =
    [
        "$1.2M joint pipeline", "6 joint wins", "CSAT of 3 or better", "20 qualified leads", "4 joint customer references", "3 certified consultants each",
    ];

    private static readonly string[] MeetingTopics =
    [
        "Pipeline and opportunities", "Joint value proposition", "Quarterly business review", "Account mapping", "Upcoming campaigns", "Delivery capacity",
    ];

    private static readonly string[] Competencies =
        ["Azure architecture", "Data & AI", "Security", "Modern Work", "Dynamics 365", "Networking", "Power Platform"];

    private static readonly string[] Certifications =
    [
        "Azure Solutions Architect Expert", "Microsoft 365 Enterprise Administrator Expert", "Azure Security Engineer Associate",
        "Dynamics 365 Business Central Functional Consultant", "Power Platform Solution Architect Expert", "Azure Data Engineer Associate",
    ];

    private static readonly string[] TrainingTopics =
        ["Joint solution demo lab", "Security baseline workshop", "Data platform bootcamp", "Licensing for joint offers", "Copilot adoption playbook"];

    private static readonly string[] SupportIssues =
        ["Sync job fails after the monthly update", "Users locked out after an MFA change", "Report totals differ between systems", "Slow response in the customer portal"];

    private static readonly string[] CrmSystems = ["Dynamics 365 Sales", "Shared Dataverse workspace", "HubSpot partner portal"];

    private static readonly string[] DeclineReasons =
        ["No capacity in that region this quarter", "The customer needs a product we do not resell", "Already working with the customer through another partner"];

    private static readonly string[] EndReasons =
    [
        "Acquired by a company with a competing offer", "Strategic focus moved away from the joint offering", "Both executive sponsors left",
    ];

    private static readonly string[] PauseReasons =
        ["The partner manager left; on hold until a successor is named", "Reorganisation on one side", "Waiting for the new product line"];

    private static readonly Dictionary<string, string> RegionNames = new()
    {
        ["US-WA"] = "Washington", ["US-OR"] = "Oregon", ["US-OK"] = "Oklahoma", ["US-TX"] = "Texas",
    };

    private static readonly string[] Verticals = ["public sector", "healthcare", "retail", "manufacturing", "financial services", "education"];
}
