using PartnershipLedger.Model;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Model;

/// <summary>The model's texts are the source documents' own words, not paraphrases.</summary>
public sealed class SeedFidelityTests
{
    private static readonly MaturityModel Model = MaturityModelLoader.Load(RepositoryFiles.Schema("maturity-model.json"));
    private static readonly string Playbook = File.ReadAllText(RepositoryFiles.Seed("000"));
    private static readonly string[] PlaybookLines = Playbook.Split('\n').Select(line => line.Trim()).ToArray();
    private static readonly string Essay = File.ReadAllText(RepositoryFiles.Seed("001"));

    [Fact]
    public void Every_question_is_a_row_of_the_playbooks_questionnaire_in_the_same_order()
    {
        foreach (var function in Model.Functions)
        {
            var rows = function.Assessment.Questions.Select(question => Array.FindIndex(PlaybookLines, line => line.TrimEnd('\t', ' ') == question.Text)).ToList();
            Assert.All(rows, (row, i) => Assert.True(row >= 0, $"{function.Function} question {i + 1} is not verbatim in the playbook"));
        }
        var geography = Model.Function(BusinessFunction.Geography).Assessment.Questions.Select(q => q.Text).ToList();
        var start = Array.IndexOf(PlaybookLines, geography[0]);
        Assert.Equal(geography, PlaybookLines.Skip(start).Take(geography.Count));
    }

    [Fact]
    public void Framework_cells_and_overview_bullets_are_verbatim() =>
        Assert.All(Model.Functions.SelectMany(function => function.Levels), level =>
        {
            Assert.Contains(level.Framework, Playbook);
            Assert.All(level.Overview, bullet => Assert.Contains(bullet, Playbook));
        });

    [Fact]
    public void The_essays_advice_is_verbatim() =>
        Assert.All(Model.Functions.Where(f => f.Advice is not null).SelectMany(f => f.Advice!.Text), line => Assert.Contains(line, Essay));

    [Fact]
    public void The_published_bands_are_the_playbooks()
    {
        foreach (var function in Model.Functions)
            Assert.All(function.Assessment.Bands, band => Assert.Contains(band.Published.Replace(" Yes", ""), Playbook));
    }
}
