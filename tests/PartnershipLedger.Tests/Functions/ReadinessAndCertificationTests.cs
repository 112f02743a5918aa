using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Functions;

public sealed class ReadinessAndCertificationTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_joint_training_is_recorded_with_its_topic()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("holdJointTraining",
            new { partnershipId = partnership.PartnershipId, topic = "Microsoft Fabric fundamentals", inOverlappingArea = true }, partnership.SecondUser);

        Assert.Equal(2, response.Data("holdJointTraining").GetProperty("version").GetInt32());
        var recorded = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("JointTrainingHeld", recorded.GetProperty("type").GetString());
        Assert.Equal(partnership.Second, recorded.GetProperty("organizationId").GetGuid());
        Assert.Equal("Joint training on Microsoft Fabric fundamentals (overlapping area)", recorded.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_joint_training_without_a_topic_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "holdJointTraining",
            new { partnershipId = partnership.PartnershipId, topic = "", inOverlappingArea = false }, partnership.FirstUser, "topic");
    }

    [Fact]
    public async Task A_joint_training_topic_too_long_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "holdJointTraining",
            new { partnershipId = partnership.PartnershipId, topic = new string('x', 201), inOverlappingArea = false }, partnership.FirstUser, "topic");
    }

    [Fact]
    public async Task A_certification_plan_is_agreed_with_its_distinct_certifications()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("agreeCertificationPlan",
            new { partnershipId = partnership.PartnershipId, certifications = new[] { "Azure Solutions Architect Expert", "azure solutions architect expert" } }, partnership.FirstUser);

        Assert.Equal(2, response.Data("agreeCertificationPlan").GetProperty("version").GetInt32());
        var recorded = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("CertificationPlanAgreed", recorded.GetProperty("type").GetString());
        Assert.Equal(partnership.First, recorded.GetProperty("organizationId").GetGuid());
        Assert.Equal("Certification plan agreed: Azure Solutions Architect Expert", recorded.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_certification_plan_without_a_certification_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "agreeCertificationPlan",
            new { partnershipId = partnership.PartnershipId, certifications = Array.Empty<string>() }, partnership.FirstUser, "certifications");
    }

    [Fact]
    public async Task A_blank_certification_in_a_plan_is_refused_by_its_position_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "agreeCertificationPlan",
            new { partnershipId = partnership.PartnershipId, certifications = new[] { "AZ-305", "\t" } }, partnership.FirstUser, "certifications[1]");
    }

    [Fact]
    public async Task A_certification_too_long_in_a_plan_is_refused_by_its_position_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "agreeCertificationPlan",
            new { partnershipId = partnership.PartnershipId, certifications = new[] { new string('x', 201) } }, partnership.FirstUser, "certifications[0]");
    }

    [Fact]
    public async Task A_certification_plan_of_more_than_fifty_certifications_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "agreeCertificationPlan",
            new { partnershipId = partnership.PartnershipId, certifications = Enumerable.Range(1, 51).Select(i => $"Certification {i}").ToArray() }, partnership.FirstUser, "certifications");
    }

    [Fact]
    public async Task A_certification_earned_is_recorded_for_a_member()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("recordCertificationEarned",
            new { partnershipId = partnership.PartnershipId, organizationId = partnership.Second, certification = "Solutions Partner for Data & AI" }, partnership.FirstUser);

        Assert.Equal(2, response.Data("recordCertificationEarned").GetProperty("version").GetInt32());
        var recorded = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("CertificationEarned", recorded.GetProperty("type").GetString());
        Assert.Equal(partnership.First, recorded.GetProperty("organizationId").GetGuid());
        Assert.Equal($"{partnership.Second} earned Solutions Partner for Data & AI", recorded.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_certification_earned_by_an_organization_outside_the_partnership_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();
        var outsider = await Host.OutsiderAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "recordCertificationEarned",
            new { partnershipId = partnership.PartnershipId, organizationId = outsider.Organization, certification = "AZ-305" }, partnership.FirstUser, "organizationId");
    }

    [Fact]
    public async Task A_certification_earned_without_its_name_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "recordCertificationEarned",
            new { partnershipId = partnership.PartnershipId, organizationId = partnership.First, certification = "  " }, partnership.FirstUser, "certification");
    }

    [Fact]
    public async Task A_certification_name_too_long_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "recordCertificationEarned",
            new { partnershipId = partnership.PartnershipId, organizationId = partnership.First, certification = new string('x', 201) }, partnership.FirstUser, "certification");
    }

    [Fact]
    public async Task An_organization_outside_the_partnership_cannot_record_its_training()
    {
        var partnership = await Host.FormPartnershipAsync();
        var outsider = await Host.OutsiderAsync();

        await Host.AssertOutOfReachAsync(partnership.PartnershipId, "holdJointTraining",
            new { partnershipId = partnership.PartnershipId, topic = "Security", inOverlappingArea = true }, outsider);
    }
}
