using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Functions;

public sealed class JointBusinessPlanningTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_joint_plan_is_created_with_its_kpis_and_reviewed()
    {
        var partnership = await Host.FormPartnershipAsync();
        var id = partnership.PartnershipId;

        var plan = await Host.RecordedEventAsync("createJointPlan",
            new { partnershipId = id, horizon = "ANNUAL", kpis = new[] { "Joint pipeline 1M USD", "4 joint wins" }, occurredAt = "2024-02-01T09:00:00Z" }, partnership.FirstUser);
        await Host.RecordAsync("reviewJointPlan", new { partnershipId = id, inPerson = true, occurredAt = "2024-05-01T09:00:00Z" }, partnership.SecondUser);
        await Host.RecordAsync("reviewJointPlan", new { partnershipId = id, planId = plan, occurredAt = "2024-08-01T09:00:00Z" }, partnership.SecondUser);

        var timeline = await Host.TimelineAsync(id);
        Assert.Equal(["PartnershipFormed", "JointPlanCreated", "JointPlanReviewed", "JointPlanReviewed"], timeline.Select(e => e.GetProperty("type").GetString()));
        Assert.Contains("Annual joint plan created with 2 KPIs", timeline[1].GetProperty("summary").GetString());
        Assert.Contains(plan.ToString(), timeline[2].GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_plan_horizon_must_be_one_the_model_knows()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("createJointPlan", new { partnershipId = partnership.PartnershipId, horizon = "FIVE_YEAR" }, partnership.FirstUser);

        Assert.Equal("horizon", response.SingleError("VALIDATION").Field());
    }

    [Fact]
    public async Task A_review_needs_a_plan_created_before_it()
    {
        var partnership = await Host.FormPartnershipAsync();
        var id = partnership.PartnershipId;

        var noPlan = await Host.RecordAsync("reviewJointPlan", new { partnershipId = id }, partnership.FirstUser);
        var plan = await Host.RecordedEventAsync("createJointPlan", new { partnershipId = id, horizon = "ACTIVITY", occurredAt = "2024-06-01T09:00:00Z" }, partnership.FirstUser);
        var beforePlan = await Host.RecordAsync("reviewJointPlan", new { partnershipId = id, planId = plan, occurredAt = "2024-03-01T09:00:00Z" }, partnership.FirstUser);

        Assert.Contains("no joint plan", noPlan.SingleError("VALIDATION").GetProperty("message").GetString());
        Assert.Contains("before the plan was created", beforePlan.SingleError("VALIDATION").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Meetings_and_executive_briefings_are_recorded()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.RecordAsync("holdPartnerMeeting", new { partnershipId = partnership.PartnershipId, inPerson = false, topic = "Gap analysis" }, partnership.FirstUser);
        await Host.RecordAsync("holdExecutiveBriefing", new { partnershipId = partnership.PartnershipId, topic = "FY25" }, partnership.SecondUser);

        Assert.Equal(["PartnershipFormed", "PartnerMeetingHeld", "ExecutiveBriefingHeld"], await Host.EventTypesAsync(partnership.PartnershipId));
    }
}
